import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { OpportunityList, type OpportunitySearch } from './opportunity-list';

export const metadata: Metadata = { title: 'Opportunities' };

export default async function OpportunitiesPage({ searchParams }: { searchParams: Promise<OpportunitySearch> }) {
  const actor = await requirePage('peering.read');
  return (
    <>
      <PageHeader title="Opportunities" />
      <p className="mb-3 text-sm text-slate-600">
        Networks at our exchanges that we have no session with and have not asked, approved, rejected or been told not to ask, ranked by a
        score whose reasons are listed.
      </p>
      <OpportunityList actor={actor} search={await searchParams} basePath="/peering/opportunities" />
    </>
  );
}
