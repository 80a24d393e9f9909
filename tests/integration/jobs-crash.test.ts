import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { getJob } from '@/db/queries/jobs';
import { jobs } from '@/db/schema';
import { describeOnPostgres, useSharedPostgres } from '../support/postgres-database';
import { startWorker } from '../support/spawn-worker';

const LEASE_MS = 1500;
const shared = useSharedPostgres();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function effects(jobId: number) {
  const result = await db().execute(sql`select attempt, event from job_effects where job_id = ${jobId} order by id`);
  return (result as unknown as { rows: { attempt: number; event: string }[] }).rows.map((r) => `${r.event} (attempt ${r.attempt})`);
}

describeOnPostgres('a runner killed mid-job', () => {
  it('leaves its jobs to the next runner once the lease runs out: retried once if attempts are left, failed if not', { timeout: 120_000 }, async () => {
    await db().execute(sql`create table job_effects (id serial primary key, job_id int not null, attempt int not null, pid int not null, event text not null)`);
    const [retried, spent] = await db()
      .insert(jobs)
      .values([
        { kind: 'test.slow', summary: 'retried', maxAttempts: 2 },
        { kind: 'test.slow', summary: 'no attempts left', maxAttempts: 1 },
      ])
      .returning();

    const doomed = startWorker(shared.url, { JOB_LEASE_MS: String(LEASE_MS), TEST_SLOW_MS: '60000' });
    await doomed.ready;
    doomed.go();
    for (let i = 0; (await effects(retried.id)).length === 0 || (await effects(spent.id)).length === 0; i++) {
      if (i > 200) throw new Error(`the first worker never started the jobs:\n${doomed.output()}`);
      await sleep(50);
    }
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    // Its leases still hold for a moment: nobody may take the jobs over yet.
    expect(await db().select({ status: jobs.status }).from(jobs).where(eq(jobs.id, retried.id))).toEqual([{ status: 'running' }]);

    await sleep(LEASE_MS + 200);
    const survivor = startWorker(shared.url, { JOB_LEASE_MS: String(LEASE_MS), TEST_SLOW_MS: '200', TEST_IDLE_TICKS: '20' });
    await survivor.ready;
    survivor.go();
    expect(await survivor.exited, survivor.output()).toBe(0);
    expect(survivor.output()).toContain('done 1 ');

    expect(await effects(retried.id)).toEqual(['started (attempt 1)', 'started (attempt 2)', 'finished (attempt 2)']);
    const again = await getJob(db(), retried.id);
    expect(again).toMatchObject({ status: 'succeeded', attempts: 2, error: null });
    expect(again!.runs).toMatchObject([
      { attempt: 1, status: 'running', finishedAt: null, abandoned: true },
      { attempt: 2, status: 'succeeded', abandoned: false },
    ]);
    expect(again!.runs[0].runner).not.toBe(again!.runs[1].runner);

    expect(await effects(spent.id)).toEqual(['started (attempt 1)']);
    const failed = await getJob(db(), spent.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: 'Its runner stopped (lease expired) and no attempts are left' });
    expect(failed!.runs).toMatchObject([{ attempt: 1, abandoned: true }]);
  });
});
