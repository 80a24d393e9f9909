import Link from 'next/link';
import { db } from '@/db/client';
import { listExchangeSessions } from '@/db/queries/exchanges';
import { BgpStateBadge, ConfigStatusBadge } from '@/components/sessions/session-badges';
import { EmptyState } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import { sessionTypeLabels } from '@/lib/sessions/schemas';

/** Our BGP sessions facing this exchange; each opens its Session Details. */
export async function SessionsTab({ ixId, search }: { ixId: number; search: { offset?: string } }) {
  const page = readPage(search);
  const rows = await listExchangeSessions(db(), ixId, { ...page, limit: page.limit + 1 });
  if (rows.length === 0 && !page.offset) {
    return (
      <EmptyState title="No sessions at this exchange yet">
        BGP sessions on your routers that face this exchange are listed here.{' '}
        <Link href={`/peering/sessions/new?ixId=${ixId}`} className="text-sky-700 underline">
          Add a session
        </Link>
      </EmptyState>
    );
  }
  return (
    <>
      <Table head={['Router', 'Peer', 'Peer IP', 'Local IP', 'Type', 'Configuration', 'BGP state', 'Prefixes']}>
        {rows.slice(0, page.limit).map((s) => (
          <tr key={s.id} data-testid={`session-${s.id}`} className="hover:bg-slate-50">
            <Cell>{s.routerName}</Cell>
            <Cell>
              <Link href={`/peering/sessions/${s.id}`} className="text-sky-800 hover:underline">
                <span className="font-mono">AS{s.peerAsn}</span> {s.peerName}
              </Link>
            </Cell>
            <Cell className="font-mono">
              <Link href={`/peering/sessions/${s.id}`} className="hover:underline">
                {s.peerIp}
              </Link>
            </Cell>
            <Cell className="font-mono">{s.localIp ?? '—'}</Cell>
            <Cell>{sessionTypeLabels[s.type]}</Cell>
            <Cell>
              <ConfigStatusBadge status={s.configStatus} error={s.configError} />
            </Cell>
            <Cell>
              <BgpStateBadge state={s.bgpState} />
            </Cell>
            <Cell className="tabular-nums">{s.prefixesReceived ?? '—'}</Cell>
          </tr>
        ))}
      </Table>
      <Pager basePath={`/peering/ixs/${ixId}`} params={{ tab: 'sessions' }} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
    </>
  );
}
