'use client';

import Link from 'next/link';
import type { listExchangeSessions } from '@/db/queries/exchanges';
import { SessionStateCells } from '@/components/sessions/session-badges';
import { Cell, Table } from '@/components/ui/table';

type ExchangeSessionRow = Awaited<ReturnType<typeof listExchangeSessions>>[number];

/**
 * A client component with no state: its RSC payload is the rows' data (about 12 KB for 50 sessions)
 * instead of their element tree (about 64 KB), which is sent twice (inline in the HTML).
 */
export function ExchangeSessionTable({ rows }: { rows: ExchangeSessionRow[] }) {
  return (
    <Table head={['Router', 'Peer', 'Peer IP', 'Local IP', 'Type', 'Configuration', 'BGP state', 'Prefixes']}>
      {rows.map((s) => (
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
          <SessionStateCells session={s} />
          <Cell className="tabular-nums">{s.prefixesReceived ?? '—'}</Cell>
        </tr>
      ))}
    </Table>
  );
}
