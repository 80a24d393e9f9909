import { afterEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { jobRuns, jobs } from '@/db/schema';
import { jobKinds } from '@/lib/jobs/kinds';
import { claimDueJobs, enqueueJob } from '@/lib/jobs/queue';
import { runJob } from '@/lib/jobs/runner';
import type { JobKind } from '@/lib/jobs/types';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const calls: number[] = [];
const count: JobKind<{ by: number }> = {
  name: 'test.count',
  label: 'Test count',
  payload: z.object({ by: z.number().int().default(1) }),
  run: async (ctx) => {
    calls.push(ctx.job.id);
    ctx.progress({ step: 1 });
    await new Promise((r) => setTimeout(r, 20));
    return { counted: true, by: ctx.payload.by };
  },
};
const fail: JobKind = {
  name: 'test.fail',
  label: 'Test failure',
  payload: z.object({}),
  run: async () => {
    throw new Error('router said no');
  },
};
for (const kind of [count, fail]) jobKinds[kind.name] = kind;
afterEach(() => calls.splice(0));

describe('the job queue', () => {
  it('two runners claiming at once never get the same job', async () => {
    for (let i = 0; i < 6; i++) await enqueueJob(db(), { kind: count.name });
    const [a, b] = await Promise.all([claimDueJobs(db(), 'runner-a', 60_000, 10), claimDueJobs(db(), 'runner-b', 60_000, 10)]);
    const claimed = [...a, ...b].map((j) => j.id);
    expect(claimed.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(claimed).size).toBe(6);
  });

  it('a job scheduled for later is not due yet', async () => {
    await enqueueJob(db(), { kind: count.name, runAt: new Date(Date.now() + 3_600_000) });
    expect(await claimDueJobs(db(), 'runner-a', 60_000)).toEqual([]);
  });

  it('a finished job records its result, its run and who ran it', async () => {
    const job = await enqueueJob(db(), { kind: count.name });
    const [claimed] = await claimDueJobs(db(), 'runner-a', 60_000);
    expect(await runJob(claimed, 'runner-a')).toMatchObject({ status: 'succeeded' });
    const [row] = await db().select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({ status: 'succeeded', attempts: 1, result: { counted: true, by: 1 }, leaseOwner: null });
    const runs = await db().select().from(jobRuns).where(eq(jobRuns.jobId, job.id));
    expect(runs).toMatchObject([{ attempt: 1, runner: 'runner-a', status: 'succeeded' }]);
  });

  it("a failing job keeps the failure's own message", async () => {
    await enqueueJob(db(), { kind: fail.name });
    const [claimed] = await claimDueJobs(db(), 'runner-a', 60_000);
    expect(await runJob(claimed, 'runner-a')).toMatchObject({ status: 'failed', error: 'router said no' });
  });

  it('hands the run its payload as the kind reads it, and fails a payload it cannot read without running it', async () => {
    const doubled = await enqueueJob(db(), { kind: count.name, payload: { by: 2 } });
    const garbled = await enqueueJob(db(), { kind: count.name, payload: { by: 'two' } });
    const claimed = await claimDueJobs(db(), 'runner-a', 60_000);
    const run = (id: number) => runJob(claimed.find((j) => j.id === id)!, 'runner-a');
    expect(await run(doubled.id)).toMatchObject({ status: 'succeeded', result: { counted: true, by: 2 } });
    expect(await run(garbled.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(new RegExp(`Job #${garbled.id} \\(Test count\\) carries a payload it cannot read:[\\s\\S]*by`)),
    });
    expect(calls).toEqual([doubled.id]);
  });

  it('when a runner dies mid-job, the lease expires and the job runs once more, not twice', async () => {
    const job = await enqueueJob(db(), { kind: count.name, maxAttempts: 2 });
    await claimDueJobs(db(), 'dead-runner', 60_000);
    // The dead runner never renews its lease: make it run out.
    await db().update(jobs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, job.id));
    const [retry] = await claimDueJobs(db(), 'runner-b', 60_000);
    expect(retry).toMatchObject({ id: job.id, attempts: 2, leaseOwner: 'runner-b' });
    await runJob(retry, 'runner-b');
    expect(calls).toEqual([job.id]);

    const second = await enqueueJob(db(), { kind: count.name, maxAttempts: 2 });
    for (const runner of ['dead-1', 'dead-2']) {
      await claimDueJobs(db(), runner, 60_000);
      await db().update(jobs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, second.id));
    }
    expect(await claimDueJobs(db(), 'runner-c', 60_000)).toEqual([]);
    const [row] = await db().select().from(jobs).where(eq(jobs.id, second.id));
    expect(row).toMatchObject({ status: 'failed', error: expect.stringContaining('lease expired') });
  });

  it('a runner that lost its lease cannot overwrite the outcome of the runner that took over', async () => {
    const job = await enqueueJob(db(), { kind: count.name });
    const [first] = await claimDueJobs(db(), 'slow-runner', 60_000);
    await db().update(jobs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, job.id));
    const [second] = await claimDueJobs(db(), 'runner-b', 60_000);
    await runJob(second, 'runner-b');
    await runJob(first, 'slow-runner');
    const [row] = await db().select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('a dedupe key keeps one scheduled job per key', async () => {
    const a = await enqueueJob(db(), { kind: count.name, dedupeKey: 'k' });
    const b = await enqueueJob(db(), { kind: count.name, dedupeKey: 'k' });
    expect(b.id).toBe(a.id);
    expect(await db().select().from(jobs)).toHaveLength(1);
  });
});
