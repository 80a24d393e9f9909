import type { Metadata } from 'next';
import { EmptyState, PageHeader } from '@/components/ui/notice';

export const metadata: Metadata = { title: 'IXs' };

export default function ExchangesPage() {
  return (
    <>
      <PageHeader title="Internet exchanges" />
      <EmptyState title="No exchanges yet">
        Exchanges appear here once your ASNs are set and PeeringDB data has been synced. PeeringDB sync and peering
        settings are not part of this build yet.
      </EmptyState>
    </>
  );
}
