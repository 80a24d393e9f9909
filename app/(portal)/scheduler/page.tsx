import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/db/client';
import { jobKindsInUse, listJobs } from '@/db/queries/jobs';
import { EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';
import { jobKindLabel, jobKindNames } from '@/lib/jobs/labels';
import { jobFilters, type JobFilters } from '@/lib/jobs/schemas';
import { AutoRefresh } from './auto-refresh';
import { JobFilterForm } from './job-filters';
import { JobStatusBadge, When } from './job-display';

export const metadata: Metadata = { title: 'Scheduler' };

type Search = Partial<Record<keyof JobFilters | 'q' | 'offset', string>>;

/** Each filter read on its own: a stale or hand-edited value is dropped, not an error page. */
function readFilters(search: Search): JobFilters {
  return {
    status: jobFilters.shape.status.safeParse(search.status || undefined).data,
    kind: jobFilters.shape.kind.safeParse(search.kind || undefined).data,
  };
}

const SOON_MS = 60_000;

export default async function SchedulerPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePage('peering.read');
  const search = await searchParams;
  const page = readPage(search);
  const filters = readFilters(search);
  const [rows, inUse] = await Promise.all([listJobs(db(), { ...page, ...filters, limit: page.limit + 1 }), jobKindsInUse(db())]);
  const kinds = [...new Set([...jobKindNames, ...inUse])].sort().map((kind) => ({ kind, label: jobKindLabel(kind) }));
  const shown = rows.slice(0, page.limit);
  const moving = shown.some((j) => j.status === 'running' || (j.status === 'scheduled' && j.runAt.getTime() - Date.now() < SOON_MS));
  const filtered = !!page.q || !!filters.status || !!filters.kind;
  return (
    <>
      <PageHeader title="Scheduled jobs" />
      <AutoRefresh active={moving} everyMs={5000} />
      <JobFilterForm filters={filters} q={page.q} kinds={kinds} />
      {shown.length === 0 && !page.offset ? (
        <EmptyState title={filtered ? 'No job matches these filters' : 'No jobs yet'}>
          {filtered ? 'Clear a filter to see more jobs.' : 'PeeringDB refreshes, scheduled configuration, BGP state polls and mailbox syncs will be listed here.'}
        </EmptyState>
      ) : (
        <Table head={['Job', 'Kind', 'When', 'Who', 'Status', 'Attempts', 'Last output']}>
          {shown.map((j) => (
            <tr key={j.id} data-testid={`job-${j.id}`} className="hover:bg-slate-50">
              <Cell>
                <Link href={`/scheduler/${j.id}`} className="text-sky-800 hover:underline">
                  #{j.id}
                </Link>{' '}
                {j.summary ?? <span className="text-slate-500">—</span>}
              </Cell>
              <Cell className="whitespace-nowrap">{jobKindLabel(j.kind)}</Cell>
              <Cell>
                <When at={j.status === 'scheduled' || !j.finishedAt ? j.runAt : j.finishedAt} />
              </Cell>
              <Cell>{j.createdBy ?? <span className="text-slate-500">system</span>}</Cell>
              <Cell>
                <JobStatusBadge status={j.status} />
              </Cell>
              <Cell className="tabular-nums">
                {j.attempts}/{j.maxAttempts}
              </Cell>
              <Cell className="max-w-md text-xs text-slate-600">
                <span className="line-clamp-2" title={j.error ?? j.lastOutput ?? undefined}>
                  {j.error ?? j.lastOutput}
                </span>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      <Pager basePath="/scheduler" params={{ q: page.q, ...filters }} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
    </>
  );
}
