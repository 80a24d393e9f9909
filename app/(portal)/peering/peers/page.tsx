import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/db/client';
import { listPeerOverview } from '@/db/queries/peers';
import { exchangeChoices } from '@/db/queries/session-choices';
import { EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { peerListFilters } from '@/lib/peering/api';
import { listLocalAsns } from '@/lib/settings/service';
import { PeerStatusBadge, PeerStatusSelect } from '../ixs/[id]/peer-status-badge';
import { PeerRowMenu } from './peer-row-menu';

export const metadata: Metadata = { title: 'Peers' };

type Search = { q?: string; status?: string; ixId?: string; localAsn?: string; offset?: string };

const control = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** Every network we have a session with, a status other than New, or notes about. */
export default async function PeersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const search = await searchParams;
  const page = readPage(search);
  const status = peerListFilters.shape.status.safeParse(search.status || undefined).data;
  const ixId = peerListFilters.shape.exchangeId.safeParse(search.ixId || undefined).data;
  const localAsn = peerListFilters.shape.localAsn.safeParse(search.localAsn || undefined).data;
  const [rows, exchanges, localAsns] = await Promise.all([
    listPeerOverview(db(), { ...page, status, ixId, localAsn, limit: page.limit + 1 }),
    exchangeChoices(db()),
    listLocalAsns(),
  ]);
  const filtered = !!(page.q || status || ixId || localAsn);
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
        <Table head={['ASN', 'Network', 'Status per exchange', 'Sessions', 'Notes', '']}>
          {rows.slice(0, page.limit).map((p) => (
            <tr key={p.asn} data-testid={`peer-${p.asn}`}>
              <Cell className="font-mono">
                <Link href={`/peering/peers/${p.asn}`} className="text-sky-700 hover:underline">
                  AS{p.asn}
                </Link>
              </Cell>
              <Cell>{p.name ?? <span className="text-slate-500">unknown in PeeringDB</span>}</Cell>
              <Cell>
                <div className="flex flex-col gap-0.5">
                  {p.statuses.map((e) => (
                    <span key={`${e.ixId}/${e.localAsn}`} className="whitespace-nowrap text-xs">
                      {e.name}
                      {localAsns.length > 1 ? ` (AS${e.localAsn})` : ''} <PeerStatusBadge status={e.status} />
                    </span>
                  ))}
                </div>
              </Cell>
              <Cell>
                <Link href={`/peering/sessions?peerAsn=${p.asn}`} className="tabular-nums text-sky-700 hover:underline">
                  {p.sessions}
                </Link>
              </Cell>
              <Cell className="max-w-xs text-slate-600">
                <span className="tabular-nums">{p.notes}</span>
                {p.lastNote?.comment && (
                  <span className="ml-2 line-clamp-2 text-xs" title={p.lastNote.comment}>
                    {p.lastNote.comment}
                  </span>
                )}
              </Cell>
              <Cell>
                <PeerRowMenu asn={p.asn} entries={p.statuses} mayManage={mayManage} mayConfigure={mayConfigure} />
              </Cell>
            </tr>
          ))}
        </Table>
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
