import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { jobs, type Job, type JobStatus } from '@/db/schema';
import { getJob, type JobDetail, type JobView } from '@/db/queries/jobs';
import { mutation } from '@/lib/auth/mutation';
import { ServiceError, fieldError, notFound } from '@/lib/errors';
import { jobKinds } from './kinds';
import { jobKindLabel } from './labels';
import { jobRefInput, rescheduleJobInput } from './schemas';
import { readPayload } from './types';

// A time picked a few seconds ago (the form was open a while) still means "now".
const NOW_SLACK_MS = 60_000;

const finished: Partial<Record<JobStatus, string>> = { succeeded: 'succeeded', failed: 'failed', cancelled: 'been cancelled' };

/** Locks the job for this transaction: a runner claiming with SKIP LOCKED passes it by until we are done. */
async function lockScheduledJob(tx: Tx, id: number, doing: string): Promise<Job> {
  const [job] = await tx.select().from(jobs).where(eq(jobs.id, id)).for('update');
  if (!job) throw notFound('Job');
  if (job.status === 'running') {
    throw new ServiceError('conflict', `Job #${job.id} is running now (attempt ${job.attempts} of ${job.maxAttempts}): it cannot be ${doing} mid-run. Wait for it to finish.`);
  }
  if (job.status !== 'scheduled') {
    throw new ServiceError('conflict', `Job #${job.id} has already ${finished[job.status]}: only a scheduled job can be ${doing}`);
  }
  return job;
}

async function jobDetail(tx: Tx, id: number): Promise<JobDetail> {
  const job = await getJob(tx, id);
  if (!job) throw notFound('Job');
  return job;
}

export const rescheduleJob = mutation({
  action: 'job.reschedule',
  permission: 'jobs.manage',
  input: rescheduleJobInput,
  async run({ tx, input, audit }) {
    if (input.runAt.getTime() < Date.now() - NOW_SLACK_MS) throw fieldError('runAt', 'That time has passed: pick a later one, or use Run now');
    const job = await lockScheduledJob(tx, input.id, 'rescheduled');
    await tx.update(jobs).set({ runAt: input.runAt, updatedAt: new Date() }).where(eq(jobs.id, job.id));
    audit({ target: `job:${job.id}`, details: { kind: job.kind, from: job.runAt.toISOString(), to: input.runAt.toISOString() } });
    return jobDetail(tx, job.id);
  },
});

/** Makes a scheduled job due now; the caller then kicks the scheduler (or runs it with tick({ only: id })). */
export const runJobNow = mutation({
  action: 'job.run_now',
  permission: 'jobs.manage',
  input: jobRefInput,
  queuesJobs: true,
  async run({ tx, input, audit }) {
    const job = await lockScheduledJob(tx, input.id, 'started');
    await tx.update(jobs).set({ runAt: sql`now()`, updatedAt: new Date() }).where(eq(jobs.id, job.id));
    audit({ target: `job:${job.id}`, details: { kind: job.kind, wasDueAt: job.runAt.toISOString() } });
    return jobDetail(tx, job.id);
  },
});

/** Cancels a scheduled job; its kind undoes what scheduling promised (sessions back from Scheduled) in the same transaction. */
export const cancelJob = mutation({
  action: 'job.cancel',
  permission: 'jobs.manage',
  input: jobRefInput,
  async run({ tx, input, audit }) {
    const job = await lockScheduledJob(tx, input.id, 'cancelled');
    const kind = jobKinds[job.kind];
    if (kind?.onCancel) await kind.onCancel(tx, job, readPayload(kind, job));
    await tx
      .update(jobs)
      .set({ status: 'cancelled', finishedAt: new Date(), updatedAt: new Date() })
      .where(eq(jobs.id, job.id));
    audit({ target: `job:${job.id}`, details: { kind: job.kind, runAt: job.runAt.toISOString(), summary: job.summary } });
    return jobDetail(tx, job.id);
  },
});

/** A job as GET /jobs and GET /jobs/{id} return it. */
export function apiJob(job: JobView) {
  const { id, kind, status, runAt, progress, result, error, attempts, maxAttempts, summary, createdBy, createdAt, finishedAt } = job;
  return {
    id,
    kind,
    kindLabel: jobKindLabel(kind),
    status,
    runAt,
    progress,
    result,
    error,
    attempts,
    maxAttempts,
    summary,
    createdBy,
    createdAt,
    finishedAt,
  };
}
