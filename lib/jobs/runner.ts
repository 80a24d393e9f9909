import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { db } from '@/db/client';
import { jobRuns, type Job } from '@/db/schema';
import { timedJobRun } from '@/lib/metrics/job-timing';
import { jobKinds } from './kinds';
import { claimDueJobs, finishJob, recordProgress, renewLease } from './queue';
import { ensureRecurringJobs } from './recurring';
import { readPayload, type JobContext } from './types';

// JOB_LEASE_MS: shorter in tests that kill a runner and wait for its lease to run out.
const LEASE_MS = Number(process.env.JOB_LEASE_MS) || 60_000;
const runnerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export async function runJob(job: Job, runner = runnerId, observe?: (progress: Record<string, unknown>) => void) {
  const kind = jobKinds[job.kind];
  await db().insert(jobRuns).values({ jobId: job.id, attempt: job.attempts, runner, status: 'running' });
  const output: string[] = [];
  const abort = new AbortController();
  let lastProgress = 0;
  let pending: Record<string, unknown> | null = null;
  const flush = async () => {
    if (pending) await recordProgress(db(), job.id, runner, pending).catch(() => undefined);
    pending = null;
  };
  const heartbeat = setInterval(async () => {
    if (!(await renewLease(db(), job.id, runner, LEASE_MS).catch(() => false))) abort.abort(new Error('lease lost'));
    await flush();
  }, LEASE_MS / 3);
  const ctx: Omit<JobContext, 'payload'> = {
    job,
    signal: abort.signal,
    log: (line) => output.push(line),
    progress: (p) => {
      observe?.(p);
      pending = p;
      if (Date.now() - lastProgress > 500) {
        lastProgress = Date.now();
        void flush();
      }
    },
  };
  try {
    if (!kind) throw new Error(`Unknown job kind "${job.kind}"`);
    const result = (await kind.run({ ...ctx, payload: readPayload(kind, job) })) ?? {};
    await flush();
    await finishJob(db(), job, runner, { status: 'succeeded', result, output: output.join('\n') });
    return { id: job.id, status: 'succeeded' as const, result };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await flush();
    await finishJob(db(), job, runner, { status: 'failed', error, output: output.join('\n') });
    return { id: job.id, status: 'failed' as const, error };
  } finally {
    clearInterval(heartbeat);
  }
}

/** One scheduler tick, the same from node-cron inside the server and from POST /api/cron. */
export async function tick(options: { only?: number; observe?: (progress: Record<string, unknown>) => void } = {}) {
  if (!options.only) await ensureRecurringJobs();
  const claimed = await claimDueJobs(db(), runnerId, LEASE_MS, 2, options.only);
  return Promise.all(claimed.map((job) => timedJobRun(job, () => runJob(job, runnerId, options.observe))));
}
