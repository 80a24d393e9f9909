import Link from 'next/link';
import { db } from '@/db/client';
import { listExchangeNetworks } from '@/db/queries/exchanges';
import { networkFilters, policies } from '@/lib/peering/schemas';
import { EmptyState } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { NetworkTable } from './network-table';
import { PeerStatusSelect } from './peer-status-badge';
import { requireActor } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { listLocalAsns } from '@/lib/settings/service';

type Search = { q?: string; status?: string; policy?: string; offset?: string };

const select = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** Every other network at the exchange and where we stand with it; filters live in the URL. */
export async function CommunicationsTab({ ixId, search, multipleLocalAsns }: { ixId: number; search: Search; multipleLocalAsns: boolean }) {
  const page = readPage(search);
  const status = networkFilters.shape.status.safeParse(search.status || undefined).data;
  const policy = networkFilters.shape.policy.safeParse(search.policy || undefined).data;
  const [actor, rows, localAsns] = await Promise.all([
    requireActor(),
    listExchangeNetworks(db(), ixId, { ...page, status, policy, limit: page.limit + 1 }),
    listLocalAsns(),
  ]);
  // The statuses shown (and so changed here) are the lowest local ASN's.
  const localAsn = localAsns.length ? Math.min(...localAsns) : null;
  const openNotAsked = status === 'new' && policy === 'Open';
  const filtered = !!(page.q || status || policy);
  return (
    <>
      <form method="get" role="search" className="mb-3 flex flex-wrap items-center gap-2">
        <input type="hidden" name="tab" value="communications" />
        <input name="q" defaultValue={page.q} placeholder="ASN (AS64500) or name" aria-label="Filter" className="w-64 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm" />
        <PeerStatusSelect value={status} className={select} />
        <select name="policy" defaultValue={policy ?? ''} aria-label="Policy" className={select}>
          <option value="">Any policy</option>
          {policies.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
          Filter
        </button>
        <Link
          href={`/peering/ixs/${ixId}?tab=communications&policy=Open&status=new`}
          aria-current={openNotAsked ? 'true' : undefined}
          className={`rounded px-2 py-1 text-sm ${openNotAsked ? 'bg-sky-100 text-sky-800' : 'text-sky-700 hover:underline'}`}
        >
          Open policy, not yet asked
        </Link>
        {multipleLocalAsns && <p className="text-xs text-slate-500">Status shown is the one for your lowest local ASN.</p>}
      </form>
      {rows.length === 0 && !page.offset ? (
        <EmptyState title={filtered ? 'No network matches these filters' : 'No other network at this exchange'}>
          {filtered ? 'Clear a filter to see more networks.' : 'PeeringDB lists no other network here yet.'}
        </EmptyState>
      ) : (
        <NetworkTable rows={rows.slice(0, page.limit)} ixId={ixId} localAsn={localAsn} mayManage={can(actor.role, 'peers.manage')} />
      )}
      <Pager
        basePath={`/peering/ixs/${ixId}`}
        params={{ tab: 'communications', q: page.q, status, policy }}
        offset={page.offset}
        limit={page.limit}
        hasMore={rows.length > page.limit}
      />
    </>
  );
}
