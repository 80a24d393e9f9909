import { Badge, EmptyState } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import type { listSessionPushes } from '@/db/queries/sessions';

type Push = Awaited<ReturnType<typeof listSessionPushes>>[number];

const tones = { pending: 'grey', pushing: 'amber', succeeded: 'green', failed: 'red', rendered: 'blue' } as const;

/** Every push to the router that carried this session, newest first. */
export function ConfigHistory({ pushes }: { pushes: Push[] }) {
  if (!pushes.length) return <EmptyState title="Never pushed to the router">Configuring the session records each push here.</EmptyState>;
  return (
    <Table head={['When', 'Router', 'Operation', 'Result', 'By']}>
      {pushes.map((p) => (
        <tr key={p.id}>
          <Cell className="whitespace-nowrap">{p.createdAt.toISOString().replace('T', ' ').slice(0, 16)} UTC</Cell>
          <Cell>{p.routerName}</Cell>
          <Cell>{p.operation}</Cell>
          <Cell>
            <Badge tone={tones[p.status]}>{p.status}</Badge>
            {p.error && <div className="mt-1 text-xs text-rose-700">{p.error}</div>}
          </Cell>
          <Cell>{p.actor ?? '—'}</Cell>
        </tr>
      ))}
    </Table>
  );
}
