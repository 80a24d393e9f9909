import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { pdbExchanges } from '@/db/schema';
import { EmptyState } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { listOpportunities } from '@/lib/findings/opportunities';
import { opportunitiesQuery } from '@/lib/findings/schemas';
import { OpportunityTable } from './opportunity-table';

export type OpportunitySearch = { policy?: string; minScore?: string; q?: string; offset?: string };

/** The filters and the ranked list: the Opportunities page, and an exchange's Opportunities tab (ixId fixed). */
export async function OpportunityList({ actor, search, ixId, basePath, extraParams = {} }: {
  actor: Actor;
  search: OpportunitySearch;
  ixId?: number;
  basePath: string;
  extraParams?: Record<string, string>;
}) {
  const page = readPage(search);
  const parsed = opportunitiesQuery.safeParse({
    policy: search.policy || undefined,
    minScore: search.minScore || undefined,
    q: search.q || undefined,
    limit: page.limit,
    offset: page.offset,
  });
  const filters = parsed.success ? parsed.data : opportunitiesQuery.parse({ limit: page.limit, offset: page.offset });
  const list = await listOpportunities(db(), { ...filters, ixId });
  const ids = [...new Set(list.rows.flatMap((r) => r.ixIds))];
  const names = ids.length
    ? await db().select({ id: pdbExchanges.id, name: pdbExchanges.name }).from(pdbExchanges).where(inArray(pdbExchanges.id, ids))
    : [];
  return (
    <>
      <form method="get" className="mb-3 flex flex-wrap items-end gap-2 text-sm" role="search">
        {Object.entries(extraParams).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Network or ASN</span>
          <input name="q" defaultValue={filters.q ?? ''} className="w-40 rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Policy</span>
          <select name="policy" defaultValue={filters.policy ?? ''} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">Any</option>
            {['Open', 'Selective', 'Restrictive', 'No'].map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Minimum score</span>
          <input name="minScore" type="number" defaultValue={filters.minScore ?? ''} className="w-24 rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
          Filter
        </button>
      </form>
      {list.rows.length === 0 && !page.offset ? (
        <EmptyState title="No opportunities">Every network at {ixId ? 'this exchange' : 'our exchanges'} is a peer already, asked, or declined{parsed.success && (filters.policy || filters.q || filters.minScore !== undefined) ? ' (for these filters)' : ''}.</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-xs text-slate-500">{list.total.toLocaleString('en')} networks, best first. The score is explained in the manual (Findings and opportunities).</p>
          <OpportunityTable rows={list.rows} exchanges={Object.fromEntries(names.map((x) => [x.id, x.name]))} ixId={ixId} maySend={can(actor.role, 'peers.manage')} />
          <Pager
            basePath={basePath}
            params={{ ...extraParams, policy: filters.policy, minScore: filters.minScore?.toString(), q: filters.q }}
            offset={page.offset}
            limit={page.limit}
            hasMore={page.offset + list.rows.length < list.total}
          />
        </>
      )}
    </>
  );
}
