import type { Metadata } from 'next';
import { EmptyState, PageHeader } from '@/components/ui/notice';

export const metadata: Metadata = { title: 'Peers' };

export default function PeersPage() {
  return (
    <>
      <PageHeader title="Peers" />
      <EmptyState title="No peers yet">
        Networks you have a session with or have marked appear here. Peer status and peering requests are not part of
        this build yet.
      </EmptyState>
    </>
  );
}
