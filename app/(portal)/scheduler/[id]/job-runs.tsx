import type { JobDetail } from '@/db/queries/jobs';
import { Badge, EmptyState } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import { JobStatusBadge, utc } from '../job-display';

const clip = (text: string | null, max = 400) => (text && text.length > max ? `${text.slice(0, max)}…` : text);

/** Every attempt: who ran it, when, and what came of it; a run whose runner stopped says so. */
export function JobRuns({ runs }: { runs: JobDetail['runs'] }) {
  if (runs.length === 0) return <EmptyState title="Not run yet">Each attempt will be listed here with its runner, output and error.</EmptyState>;
  return (
    <Table head={['Attempt', 'Runner', 'Started', 'Finished', 'Status', 'Output', 'Error']}>
      {runs.map((r) => (
        <tr key={r.attempt + r.runner} data-testid={`run-${r.attempt}`}>
          <Cell className="tabular-nums">{r.attempt}</Cell>
          <Cell className="font-mono text-xs">{r.runner}</Cell>
          <Cell className="whitespace-nowrap">{utc(r.startedAt)}</Cell>
          <Cell className="whitespace-nowrap">{r.finishedAt ? utc(r.finishedAt) : '—'}</Cell>
          <Cell>{r.abandoned ? <Badge tone="red">Runner stopped</Badge> : <JobStatusBadge status={r.status} />}</Cell>
          <Cell className="max-w-md">
            {r.output && <pre className="max-h-40 overflow-auto whitespace-pre-wrap text-xs text-slate-700" title={r.output}>{clip(r.output)}</pre>}
          </Cell>
          <Cell className="max-w-md text-xs text-rose-800">
            {r.abandoned ? 'Its lease expired before it finished; the job was taken over or failed.' : clip(r.error)}
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
