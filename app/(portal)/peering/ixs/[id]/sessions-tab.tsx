import { db } from '@/db/client';
import { listExchangeSessions } from '@/db/queries/exchanges';
import type { ConfigStatus } from '@/db/schema';
import { Badge, EmptyState } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';

const configTones = {
  not_configured: 'grey',
  scheduled: 'blue',
  configuring: 'amber',
  configured: 'green',
  error: 'red',
  removed: 'grey',
} as const satisfies Record<ConfigStatus, string>;

/** Our BGP sessions facing this exchange. */
export async function SessionsTab({ ixId, search }: { ixId: number; search: { offset?: string } }) {
  const page = readPage(search);
  const rows = await listExchangeSessions(db(), ixId, { ...page, limit: page.limit + 1 });
  if (rows.length === 0 && !page.offset) {
    return <EmptyState title="No sessions at this exchange yet">BGP sessions on your routers that face this exchange are listed here.</EmptyState>;
  }
  return (
    <>
      <Table head={['Router', 'Peer', 'Peer IP', 'Local IP', 'Type', 'Configuration', 'BGP state', 'Prefixes']}>
        {rows.slice(0, page.limit).map((s) => (
          <tr key={s.id} data-testid={`session-${s.id}`}>
            <Cell>{s.routerName}</Cell>
            <Cell>
              <span className="font-mono">AS{s.peerAsn}</span> {s.peerName && <span className="text-slate-600">{s.peerName}</span>}
            </Cell>
            <Cell className="font-mono">{s.peerIp}</Cell>
            <Cell className="font-mono">{s.localIp ?? '—'}</Cell>
            <Cell>{s.type.replace('_', ' ')}</Cell>
            <Cell>
              <Badge tone={configTones[s.configStatus]}>{s.configStatus.replace('_', ' ')}</Badge>
              {s.configError && <div className="mt-1 text-xs text-rose-700">{s.configError}</div>}
            </Cell>
            <Cell>{s.bgpState ?? <span className="text-slate-500">not polled</span>}</Cell>
            <Cell className="tabular-nums">{s.prefixesReceived ?? '—'}</Cell>
          </tr>
        ))}
      </Table>
      <Pager basePath={`/peering/ixs/${ixId}`} params={{ tab: 'sessions' }} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
    </>
  );
}
