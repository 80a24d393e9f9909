import type { Metadata } from 'next';
import { db } from '@/db/client';
import { listPeerOverview, type PeerListRow } from '@/db/queries/peers';
import { exchangeChoices } from '@/db/queries/session-choices';
import { EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { peerListFilterFields } from '@/lib/peering/schemas';
import { listLocalAsns } from '@/lib/settings/service';
import { PeerStatusSelect } from '../ixs/[id]/peer-status-badge';
import { PeerTable, type PeerTableRow } from './peer-table';

export const metadata: Metadata = { title: 'Peers' };

const peerTableRow = ({ lastNote, ...p }: PeerListRow): PeerTableRow => ({ ...p, lastComment: lastNote?.comment ?? null });

type Search = { q?: string; status?: string; ixId?: string; localAsn?: string; offset?: string };

const control = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** Every network we have a session with, a status other than New, or notes about. */
export default async function PeersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePage('peering.read');
  const search = await searchParams;
  const page = readPage(search);
  const status = peerListFilterFields.shape.status.safeParse(search.status || undefined).data;
  const ixId = peerListFilterFields.shape.ixId.safeParse(search.ixId || undefined).data;
  const localAsn = peerListFilterFields.shape.localAsn.safeParse(search.localAsn || undefined).data;
  const filtered = !!(page.q || status || ixId || localAsn);
  const [rows, localAsns] = await Promise.all([
    listPeerOverview(db(), { ...page, status, ixId, localAsn, limit: page.limit + 1 }),
    listLocalAsns(),
  ]);
  // The exchange filter's choices cost a query over the PeeringDB memberships: only worth it when there is something to filter.
  const exchanges = rows.length || filtered ? await exchangeChoices(db()) : [];
  const mayManage = can(actor.role, 'peers.manage');
  const mayConfigure = can(actor.role, 'sessions.configure');
  return (
    <>
      <PageHeader title="Peers" />
      <form method="get" role="search" className="mb-3 flex flex-wrap items-center gap-2">
        <input name="q" defaultValue={page.q} placeholder="ASN (AS64500) or name" aria-label="Filter" className={`${control} w-64`} />
        <PeerStatusSelect value={status} className={control} />
        <select name="ixId" defaultValue={ixId ?? ''} aria-label="Exchange" className={control}>
          <option value="">Any exchange</option>
          {exchanges.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
        {localAsns.length > 1 && (
          <select name="localAsn" defaultValue={localAsn ?? ''} aria-label="Local ASN" className={control}>
            <option value="">Any local ASN</option>
            {localAsns.map((asn) => (
              <option key={asn} value={asn}>
                AS{asn}
              </option>
            ))}
          </select>
        )}
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
          Filter
        </button>
      </form>
      {rows.length === 0 && !page.offset ? (
        <EmptyState title={filtered ? 'No peer matches these filters' : 'No peers yet'}>
          {filtered
            ? 'Clear a filter to see more peers.'
            : 'Networks appear here once you add a session with them, change their status or write a note (from an exchange’s Communications tab).'}
        </EmptyState>
      ) : (
        <PeerTable
          rows={rows.slice(0, page.limit).map(peerTableRow)}
          showLocalAsn={localAsns.length > 1}
          mayManage={mayManage}
          mayConfigure={mayConfigure}
        />
      )}
      <Pager
        basePath="/peering/peers"
        params={{ q: page.q, status, ixId: ixId?.toString(), localAsn: localAsn?.toString() }}
        offset={page.offset}
        limit={page.limit}
        hasMore={rows.length > page.limit}
      />
    </>
  );
}
