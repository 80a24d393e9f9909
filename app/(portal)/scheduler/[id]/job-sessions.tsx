import Link from 'next/link';
import { db } from '@/db/client';
import { sessionsByIds } from '@/db/queries/sessions';
import { ConfigStatusBadge } from '@/components/sessions/session-badges';
import { Cell, Table } from '@/components/ui/table';

const LIMIT = 50;

/** The BGP sessions a configuration job carries, with where they stand now. */
export async function JobSessions({ sessionIds }: { sessionIds: number[] }) {
  const rows = await sessionsByIds(db(), sessionIds, LIMIT);
  return (
    <section className="mt-6">
      <h2 className="mb-2 font-semibold">Sessions ({sessionIds.length})</h2>
      <Table head={['Router', 'Peer', 'Destination', 'Exchange', 'Config status']}>
        {rows.map((s) => (
          <tr key={s.id} data-testid={`job-session-${s.id}`}>
            <Cell>{s.routerName}</Cell>
            <Cell>
              <Link href={`/peering/sessions/${s.id}`} className="text-sky-700 hover:underline">
                AS{s.peerAsn}
              </Link>{' '}
              <span className="text-xs text-slate-500">{s.peerName}</span>
            </Cell>
            <Cell className="font-mono text-xs">{s.peerIp}</Cell>
            <Cell>{s.exchangeName ?? 'No Exchange'}</Cell>
            <Cell>
              <ConfigStatusBadge status={s.configStatus} error={s.configError} />
            </Cell>
          </tr>
        ))}
      </Table>
      {sessionIds.length > LIMIT && <p className="mt-1 text-xs text-slate-500">The first {LIMIT} of {sessionIds.length} are shown.</p>}
    </section>
  );
}
