import type { Metadata } from 'next';
import { EmptyState, PageHeader } from '@/components/ui/notice';

export const metadata: Metadata = { title: 'Data import' };

export default function ImportPage() {
  return (
    <>
      <PageHeader title="Data import" />
      <EmptyState title="Nothing to import yet">Importing peering sessions from a router is not part of this build yet.</EmptyState>
    </>
  );
}
