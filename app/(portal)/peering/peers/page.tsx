import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/db/client';
import { listPeers } from '@/db/queries/peers';
import { exchangeChoices } from '@/db/queries/session-choices';
import { ConfigStatusBadge } from '@/components/sessions/session-badges';
import { EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import type { ConfigStatus } from '@/db/schema';
import { requireActor } from '@/lib/auth/guard';
import { listLocalAsns } from '@/lib/settings/service';

export const metadata: Metadata = { title: 'Peers' };

type Search = { q?: string; ixId?: string; localAsn?: string; offset?: string };

const control = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';
const positive = (value?: string) => (Number.isSafeInteger(Number(value)) && Number(value) > 0 ? Number(value) : undefined);

/** Every network we have a session with; request statuses and actions come with the peers feature. */
export default async function PeersPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireActor();
  const search = await searchParams;
  const page = readPage(search);
  const ixId = positive(search.ixId);
  const localAsn = positive(search.localAsn);
  const [rows, exchanges, localAsns] = await Promise.all([
    listPeers(db(), { ...page, ixId, localAsn, limit: page.limit + 1 }),
    exchangeChoices(db()),
    listLocalAsns(),
  ]);
  const filtered = !!(page.q || ixId || localAsn);
  return (
    <>
      <PageHeader title="Peers" />
      <form method="get" role="search" className="mb-3 flex flex-wrap items-center gap-2">
        <input name="q" defaultValue={page.q} placeholder="ASN (AS64500) or name" aria-label="Filter" className={`${control} w-64`} />
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
          {filtered ? 'Clear a filter to see more peers.' : 'Networks you have a BGP session with appear here once a session is added.'}
        </EmptyState>
      ) : (
        <Table head={['ASN', 'Network', 'Exchanges', 'Sessions', 'Config statuses']}>
          {rows.slice(0, page.limit).map((p) => (
            <tr key={p.asn} data-testid={`peer-${p.asn}`}>
              <Cell className="font-mono">AS{p.asn}</Cell>
              <Cell>{p.name ?? <span className="text-slate-500">unknown in PeeringDB</span>}</Cell>
              <Cell>
                {p.exchanges.map((x) => (
                  <Link key={x.id} href={`/peering/ixs/${x.id}`} className="mr-2 text-sky-700 hover:underline">
                    {x.name}
                  </Link>
                ))}
                {p.hasPrivate && <span className="text-slate-500">Private</span>}
              </Cell>
              <Cell>
                <Link href={`/peering/sessions?peerAsn=${p.asn}`} className="tabular-nums text-sky-700 hover:underline">
                  {p.sessions}
                </Link>
              </Cell>
              <Cell>
                <div className="flex flex-wrap gap-1">
                  {Object.entries(p.configStatuses ?? {}).map(([status, n]) => (
                    <span key={status} className="whitespace-nowrap">
                      <ConfigStatusBadge status={status as ConfigStatus} /> <span className="text-xs text-slate-600">×{n}</span>
                    </span>
                  ))}
                </div>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      <Pager basePath="/peering/peers" params={{ q: page.q, ixId: ixId?.toString(), localAsn: localAsn?.toString() }} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
    </>
  );
}
