import { Badge, EmptyState } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import type { listSessionPushes } from '@/db/queries/sessions';

type Push = Awaited<ReturnType<typeof listSessionPushes>>[number];

const tones = { pending: 'grey', pushing: 'amber', succeeded: 'green', failed: 'red', rendered: 'blue' } as const;

const texts = (p: Push) =>
  [
    ['Diff against the running config', p.diff === '' ? '(no change: the router already had this)' : p.diff],
    ['Edited in the Config Manager', p.editedConfig],
    ['Rendered', p.editedConfig ? p.renderedConfig : p.diff ? null : p.renderedConfig],
    ['Router output', p.output],
  ].filter((t): t is [string, string] => typeof t[1] === 'string' && t[1].length > 0);

/** The push's text, folded: diff, edit, rendered config and the router's answer (keys shown as ********). */
function PushDetails({ push }: { push: Push }) {
  const parts = texts(push);
  if (!parts.length) return <span className="text-xs text-slate-500">—</span>;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-sky-700">Show</summary>
      {parts.map(([title, text]) => (
        <div key={title} className="mt-2">
          <div className="font-semibold text-slate-600">{title}</div>
          <pre className="mt-1 max-h-80 max-w-2xl overflow-auto rounded bg-slate-900 p-2 text-slate-100">{text}</pre>
        </div>
      ))}
    </details>
  );
}

/** Every push to the router that carried this session, newest first. */
export function ConfigHistory({ pushes }: { pushes: Push[] }) {
  if (!pushes.length) return <EmptyState title="Never pushed to the router">Configuring the session records each push here.</EmptyState>;
  return (
    <Table head={['When', 'Router', 'Operation', 'Result', 'By', 'Details']}>
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
          <Cell>
            <PushDetails push={p} />
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
