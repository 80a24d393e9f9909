import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/db/client';
import { hasPeeringDbData, listExchanges } from '@/db/queries/exchanges';
import { FilterBox } from '@/components/ui/filter-box';
import { Badge, EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import { SyncStatus } from '@/components/peeringdb/sync-status';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { listLocalAsns } from '@/lib/settings/service';

export const metadata: Metadata = { title: 'IXs' };

export default async function ExchangesPage({ searchParams }: { searchParams: Promise<{ q?: string; offset?: string }> }) {
  const actor = await requirePage('peering.read');
  const page = readPage(await searchParams);
  const rows = await listExchanges(db(), { ...page, limit: page.limit + 1 });
  const mayConfigure = can(actor.role, 'settings.manage');
  return (
    <>
      <PageHeader title="Internet exchanges">
        <FilterBox q={page.q} placeholder="Name, city or country" />
        {mayConfigure && (
          <Link href="/peering/settings" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50">
            Settings
          </Link>
        )}
      </PageHeader>
      <SyncStatus actor={actor} />
      {rows.length === 0 ? (
        <NoExchanges q={page.q} mayConfigure={mayConfigure} maySync={can(actor.role, 'peeringdb.sync')} />
      ) : (
        <>
          <Table head={['Exchange', 'Location', 'Peering LAN', 'Current peers', 'Unapproved peers', 'Sessions']}>
            {rows.slice(0, page.limit).map((x) => (
              <tr key={x.id} data-testid={`exchange-${x.id}`}>
                <Cell>
                  <Link href={`/peering/ixs/${x.id}`} className="font-medium text-sky-800 hover:underline">
                    {x.name}
                  </Link>
                  {x.nameLong && x.nameLong !== x.name && <div className="text-xs text-slate-500">{x.nameLong}</div>}
                </Cell>
                <Cell className="whitespace-nowrap">{[x.city, x.country].filter(Boolean).join(', ')}</Cell>
                <Cell className="font-mono text-xs text-slate-600">
                  {[...x.prefixes4, ...x.prefixes6].map((p) => (
                    <div key={p}>{p}</div>
                  ))}
                </Cell>
                <Cell>
                  <Link href={`/peering/ixs/${x.id}?tab=communications`} title="Existing or approved peers">
                    <Badge tone={x.currentPeers ? 'green' : 'grey'}>{x.currentPeers}</Badge>
                  </Link>
                </Cell>
                <Cell>
                  <Link href={`/peering/ixs/${x.id}?tab=communications`} title="Present at the exchange, not yet peering, not declined">
                    <Badge tone={x.unapprovedPeers ? 'amber' : 'grey'}>{x.unapprovedPeers}</Badge>
                  </Link>
                </Cell>
                <Cell>
                  <Link href={`/peering/ixs/${x.id}?tab=sessions`}>
                    <Badge tone={x.sessions ? 'blue' : 'grey'}>{x.sessions}</Badge>
                  </Link>
                </Cell>
              </tr>
            ))}
          </Table>
          <Pager basePath="/peering/ixs" params={{ q: page.q }} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
        </>
      )}
    </>
  );
}

/** Says which step is missing: the ASNs, the PeeringDB data, or a presence of those ASNs in it. */
async function NoExchanges({ q, mayConfigure, maySync }: { q?: string; mayConfigure: boolean; maySync: boolean }) {
  if (q) return <EmptyState title={`No exchange matches “${q}”`}>Filter by exchange name, city or country.</EmptyState>;
  const [asns, synced] = await Promise.all([listLocalAsns(), hasPeeringDbData(db())]);
  const settings = mayConfigure ? (
    <Link href="/peering/settings" className="text-sky-700 underline">
      Peering settings
    </Link>
  ) : (
    'Peering settings (ask an Admin)'
  );
  const startSync = maySync ? 'start one with Sync now, above' : 'ask an Operator or Admin to start one';
  if (!asns.length) {
    return (
      <EmptyState title="No exchanges yet: set your ASNs first">
        Peerdesk lists the exchanges where your networks are present in PeeringDB. Enter your ASNs in {settings}; a PeeringDB sync then
        fills in the exchanges ({startSync}) and refreshes them automatically afterwards.
      </EmptyState>
    );
  }
  const asnList = asns.map((a) => `AS${a}`).join(', ');
  if (!synced) {
    return (
      <EmptyState title="No PeeringDB data yet">
        Your ASNs ({asnList}) are set, but no PeeringDB sync has completed yet: {startSync}.
      </EmptyState>
    );
  }
  return (
    <EmptyState title="None of your ASNs is at an exchange in PeeringDB">
      PeeringDB lists no exchange connection for {asnList}. Check the ASNs in {settings}, where Source networks shows what PeeringDB knows
      about each, or run a new PeeringDB sync if you joined an exchange recently.
    </EmptyState>
  );
}
