import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { getPolicy } from '@/lib/filters/policies';
import { PolicyForm } from '../policy-form';

export const metadata: Metadata = { title: 'Policy' };

export default async function PolicyPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage('policies.manage');
  const id = Number((await params).id);
  const policy = Number.isSafeInteger(id) && id > 0 ? await getPolicy(id) : null;
  if (!policy) notFound();
  return (
    <>
      <PageHeader title={policy.name}>
        <BackLink href="/peering/policies">All policies</BackLink>
      </PageHeader>
      <PolicyForm policy={policy} />
    </>
  );
}
