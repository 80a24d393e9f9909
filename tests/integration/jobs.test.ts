import { afterEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { jobRuns, jobs } from '@/db/schema';
import { jobKinds } from '@/lib/jobs/kinds';
import { claimDueJobs, enqueueJob } from '@/lib/jobs/queue';
import { runJob } from '@/lib/jobs/runner';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const calls: number[] = [];
jobKinds['test.count'] = { label: 'test', run: async (ctx) => {
  calls.push(ctx.job.id);
  ctx.progress({ step: 1 });
  await new Promise((r) => setTimeout(r, 20));
  return { counted: true };
} };
jobKinds['test.fail'] = { label: 'test', run: async () => {
  throw new Error('router said no');
} };
afterEach(() => calls.splice(0));

describe('the job queue', () => {
  it('two runners claiming at once never get the same job', async () => {
    for (let i = 0; i < 6; i++) await enqueueJob(db(), { kind: 'test.count' });
    const [a, b] = await Promise.all([claimDueJobs(db(), 'runner-a', 60_000, 10), claimDueJobs(db(), 'runner-b', 60_000, 10)]);
    const claimed = [...a, ...b].map((j) => j.id);
    expect(claimed.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(claimed).size).toBe(6);
  });

  it('a job scheduled for later is not due yet', async () => {
    await enqueueJob(db(), { kind: 'test.count', runAt: new Date(Date.now() + 3_600_000) });
    expect(await claimDueJobs(db(), 'runner-a', 60_000)).toEqual([]);
  });

  it('a finished job records its result, its run and who ran it', async () => {
    const job = await enqueueJob(db(), { kind: 'test.count' });
    const [claimed] = await claimDueJobs(db(), 'runner-a', 60_000);
    expect(await runJob(claimed, 'runner-a')).toMatchObject({ status: 'succeeded' });
    const [row] = await db().select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({ status: 'succeeded', attempts: 1, result: { counted: true }, leaseOwner: null });
    const runs = await db().select().from(jobRuns).where(eq(jobRuns.jobId, job.id));
    expect(runs).toMatchObject([{ attempt: 1, runner: 'runner-a', status: 'succeeded' }]);
  });

  it("a failing job keeps the failure's own message", async () => {
    await enqueueJob(db(), { kind: 'test.fail' });
    const [claimed] = await claimDueJobs(db(), 'runner-a', 60_000);
    expect(await runJob(claimed, 'runner-a')).toMatchObject({ status: 'failed', error: 'router said no' });
  });

  it('when a runner dies mid-job, the lease expires and the job runs once more, not twice', async () => {
    const job = await enqueueJob(db(), { kind: 'test.count', maxAttempts: 2 });
    await claimDueJobs(db(), 'dead-runner', 60_000);
    // The dead runner never renews its lease: make it run out.
    await db().update(jobs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, job.id));
    const [retry] = await claimDueJobs(db(), 'runner-b', 60_000);
    expect(retry).toMatchObject({ id: job.id, attempts: 2, leaseOwner: 'runner-b' });
    await runJob(retry, 'runner-b');
    expect(calls).toEqual([job.id]);

    const second = await enqueueJob(db(), { kind: 'test.count', maxAttempts: 2 });
    for (const runner of ['dead-1', 'dead-2']) {
      await claimDueJobs(db(), runner, 60_000);
      await db().update(jobs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, second.id));
    }
    expect(await claimDueJobs(db(), 'runner-c', 60_000)).toEqual([]);
    const [row] = await db().select().from(jobs).where(eq(jobs.id, second.id));
    expect(row).toMatchObject({ status: 'failed', error: expect.stringContaining('lease expired') });
  });

  it('a runner that lost its lease cannot overwrite the outcome of the runner that took over', async () => {
    const job = await enqueueJob(db(), { kind: 'test.count' });
    const [first] = await claimDueJobs(db(), 'slow-runner', 60_000);
    await db().update(jobs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, job.id));
    const [second] = await claimDueJobs(db(), 'runner-b', 60_000);
    await runJob(second, 'runner-b');
    await runJob(first, 'slow-runner');
    const [row] = await db().select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('a dedupe key keeps one scheduled job per key', async () => {
    const a = await enqueueJob(db(), { kind: 'test.count', dedupeKey: 'k' });
    const b = await enqueueJob(db(), { kind: 'test.count', dedupeKey: 'k' });
    expect(b.id).toBe(a.id);
    expect(await db().select().from(jobs)).toHaveLength(1);
  });
});
