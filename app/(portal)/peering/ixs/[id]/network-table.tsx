'use client';

import type { listExchangeNetworks } from '@/db/queries/exchanges';
import { Badge } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import { PeerStatusBadge } from './peer-status-badge';

type NetworkRow = Awaited<ReturnType<typeof listExchangeNetworks>>[number];

/**
 * A client component although it has no state: its RSC payload is then the rows' data (about 10 KB
 * for 50 networks) instead of their element tree (about 50 KB), serialized and sent twice (inline in the HTML).
 */
export function NetworkTable({ rows }: { rows: NetworkRow[] }) {
  return (
    <Table head={['ASN', 'Network', 'IPv4', 'IPv6', 'Policy', 'Route servers', 'Status', 'Sessions', 'Last note']}>
      {rows.map((n, i) => (
        <tr key={`${n.asn}-${i}`} data-testid={`network-${n.asn}`}>
          <Cell className="font-mono">{`AS${n.asn}`}</Cell>
          <Cell>{n.name ?? <span className="text-slate-500">unknown in PeeringDB</span>}</Cell>
          <Cell className="font-mono text-xs">{n.ipaddr4 ?? '—'}</Cell>
          <Cell className="font-mono text-xs">{n.ipaddr6 ?? '—'}</Cell>
          <Cell>{n.policy ?? '—'}</Cell>
          <Cell>{n.isRsPeer ? <Badge tone="blue">yes</Badge> : <span className="text-slate-500">no</span>}</Cell>
          <Cell>
            <PeerStatusBadge status={n.status} />
          </Cell>
          <Cell className="tabular-nums">{n.sessions}</Cell>
          <Cell className="max-w-xs text-slate-600">
            {n.lastNote && (
              <span className="line-clamp-2" title={n.lastNote}>
                {n.lastNote}
              </span>
            )}
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
