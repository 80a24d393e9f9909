import type { Metadata } from 'next';
import { EmptyState, PageHeader } from '@/components/ui/notice';

export const metadata: Metadata = { title: 'Routers' };

export default function RoutersPage() {
  return (
    <>
      <PageHeader title="Routers" />
      <EmptyState title="No routers yet">Adding routers and their peer groups is not part of this build yet.</EmptyState>
    </>
  );
}
