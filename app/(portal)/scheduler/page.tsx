import type { Metadata } from 'next';
import { db } from '@/db/client';
import { listJobs } from '@/db/queries/jobs';
import { Badge, EmptyState, PageHeader } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import { Pager, readPage } from '@/components/ui/pager';
import { requireActor } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Scheduler' };

const tone = { scheduled: 'blue', running: 'amber', succeeded: 'green', failed: 'red', cancelled: 'grey' } as const;

export default async function SchedulerPage({ searchParams }: { searchParams: Promise<{ offset?: string }> }) {
  await requireActor();
  const page = readPage(await searchParams);
  const rows = await listJobs(db(), { ...page, limit: page.limit + 1 });
  return (
    <>
      <PageHeader title="Scheduled jobs" />
      {rows.length === 0 ? (
        <EmptyState title="No jobs yet">PeeringDB refreshes, scheduled configuration and mailbox syncs will be listed here.</EmptyState>
      ) : (
        <Table head={['Job', 'Kind', 'Run at', 'Status', 'Attempts', 'Last output']}>
          {rows.slice(0, page.limit).map((j) => (
            <tr key={j.id}>
              <Cell>#{j.id} {j.summary}</Cell>
              <Cell>{j.kind}</Cell>
              <Cell>{j.runAt.toISOString().replace('T', ' ').slice(0, 16)}</Cell>
              <Cell><Badge tone={tone[j.status]}>{j.status}</Badge></Cell>
              <Cell>{j.attempts}</Cell>
              <Cell className="max-w-md truncate text-slate-600">{j.error ?? ''}</Cell>
            </tr>
          ))}
        </Table>
      )}
      <Pager basePath="/scheduler" params={{}} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
    </>
  );
}
