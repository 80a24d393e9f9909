import type { Metadata } from 'next';
import { EmptyState, PageHeader } from '@/components/ui/notice';

export const metadata: Metadata = { title: 'Sessions' };

export default function SessionsPage() {
  return (
    <>
      <PageHeader title="BGP sessions" />
      <EmptyState title="No sessions yet">Adding, importing and configuring BGP sessions is not part of this build yet.</EmptyState>
    </>
  );
}
