import type { Metadata } from 'next';
import { db } from '@/db/client';
import { listAllTokens } from '@/db/queries/users';
import { FilterBox } from '@/components/ui/filter-box';
import { PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { requirePage } from '@/lib/auth/guard';
import { TokenTable } from '@/components/tokens/token-table';
import { revokeAnyTokenAction } from './actions';

export const metadata: Metadata = { title: 'API tokens' };

/** Every user's tokens, for a Global Admin to see and revoke; people create their own under Account. */
export default async function AllTokensPage({ searchParams }: { searchParams: Promise<{ q?: string; offset?: string }> }) {
  await requirePage('users.manage');
  const page = readPage(await searchParams);
  const rows = await listAllTokens(db(), { ...page, limit: page.limit + 1 });
  return (
    <>
      <PageHeader title="API tokens">
        <FilterBox q={page.q} placeholder="Owner or token name" />
      </PageHeader>
      <p className="mb-3 text-sm text-slate-600">Tokens are created by their owners under Account and shown to them once; only a hash is stored.</p>
      <TokenTable tokens={rows.slice(0, page.limit)} revoke={revokeAnyTokenAction} />
      <Pager basePath="/admin/tokens" params={{ q: page.q }} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
    </>
  );
}
