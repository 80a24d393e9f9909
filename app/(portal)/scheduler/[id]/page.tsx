import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { db } from '@/db/client';
import { changesOfJob } from '@/db/queries/changes';
import { getJob } from '@/db/queries/jobs';
import { Badge, BackLink, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { jobKindLabel } from '@/lib/jobs/labels';
import { payloadSummary } from '@/lib/jobs/payload-summary';
import { AutoRefresh } from '../auto-refresh';
import { JobStatusBadge, ProgressBar, When } from '../job-display';
import { JobActions } from './job-actions';
import { JobRuns } from './job-runs';
import { JobSessions } from './job-sessions';

export const metadata: Metadata = { title: 'Job' };

const SOON_MS = 2 * 60_000;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('peering.read');
  const id = Number((await params).id);
  const job = Number.isSafeInteger(id) && id > 0 ? await getJob(db(), id) : undefined;
  if (!job) notFound();
  const mayManage = can(actor.role, 'jobs.manage');
  const soon = job.status === 'scheduled' && job.runAt.getTime() - Date.now() < SOON_MS;
  const payload = payloadSummary(job.payload);
  const changes = await changesOfJob(db(), job.id);
  return (
    <>
      <PageHeader title={`Job #${job.id} · ${jobKindLabel(job.kind)}`}>
        <BackLink href="/scheduler">All jobs</BackLink>
      </PageHeader>
      <AutoRefresh active={job.status === 'running' || soon} />
      <section className="rounded border border-slate-200 bg-white p-4">
        {job.summary && <p className="mb-3 text-slate-800">{job.summary}</p>}
        <dl className="grid gap-3 sm:grid-cols-3">
          <Fact label="Status">
            <JobStatusBadge status={job.status} />
          </Fact>
          <Fact label={job.status === 'scheduled' ? 'Runs at' : 'Was due at'}>
            <When at={job.runAt} />
          </Fact>
          <Fact label="Finished">{job.finishedAt ? <When at={job.finishedAt} /> : '—'}</Fact>
          <Fact label="Scheduled by">{job.createdBy ?? 'system'}</Fact>
          <Fact label="Attempts">
            {job.attempts} of {job.maxAttempts}
          </Fact>
          <Fact label="Kind">
            <code className="text-xs">{job.kind}</code>
          </Fact>
          {changes.length > 0 && (
            <Fact label={changes.length === 1 ? 'Change' : 'Changes'}>
              {changes.map((c) => (
                <Link key={c.id} href={`/peering/changes/${c.id}`} className="mr-2 text-sky-800 hover:underline">
                  #{c.id} on {c.routerName} ({c.status.replace('_', ' ')})
                </Link>
              ))}
            </Fact>
          )}
        </dl>
        {job.status === 'running' && (
          <div className="mt-4">
            <ProgressBar progress={job.progress} />
          </div>
        )}
        {job.error && (
          <p role="alert" className="mt-3 whitespace-pre-wrap rounded border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {job.error}
          </p>
        )}
        {job.result && Object.keys(job.result).length > 0 && (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-slate-600">Result</summary>
            <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(job.result, null, 2)}</pre>
          </details>
        )}
      </section>
      {mayManage && job.status === 'scheduled' && <JobActions id={job.id} runAt={job.runAt.toISOString()} label={job.summary ?? jobKindLabel(job.kind)} />}
      {!mayManage && job.status === 'scheduled' && (
        <p className="mt-3 text-sm text-slate-600">
          <Badge>Read only</Badge> An Operator can change the time, run it now or cancel it.
        </p>
      )}
      <section className="mt-6">
        <h2 className="mb-2 font-semibold">What it covers</h2>
        {payload.length === 0 ? (
          <p className="text-sm text-slate-500">No parameters.</p>
        ) : (
          <dl className="grid gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-3 text-sm sm:grid-cols-[max-content_1fr]">
            {payload.map((p) => (
              <div key={p.key} className="contents">
                <dt className="font-medium text-slate-600">{p.key}</dt>
                <dd className="break-all font-mono text-xs leading-5">{p.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      {Array.isArray(job.payload.sessionIds) && job.payload.sessionIds.length > 0 && (
        <JobSessions sessionIds={job.payload.sessionIds.map(Number)} />
      )}
      <section className="mt-6">
        <h2 className="mb-2 font-semibold">Runs</h2>
        <JobRuns runs={job.runs} />
      </section>
    </>
  );
}
