import type { Metadata } from 'next';
import { EmptyState, Forbidden, PageHeader } from '@/components/ui/notice';
import { pageAccess } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Emails' };

export default async function EmailsPage() {
  const { allowed } = await pageAccess('emails.read');
  if (!allowed) return <Forbidden what="the peering mailbox" />;
  return (
    <>
      <PageHeader title="Peering mailbox" />
      <EmptyState title="No mailbox connected">Reading the peering mailbox is not part of this build yet.</EmptyState>
    </>
  );
}
