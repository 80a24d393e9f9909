import type { Metadata } from 'next';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { PolicyForm } from '../policy-form';

export const metadata: Metadata = { title: 'New policy' };

export default async function NewPolicyPage() {
  await requirePage('policies.manage');
  return (
    <>
      <PageHeader title="New policy">
        <BackLink href="/peering/policies">All policies</BackLink>
      </PageHeader>
      <PolicyForm />
    </>
  );
}
