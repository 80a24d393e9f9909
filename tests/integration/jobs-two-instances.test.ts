import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { jobs } from '@/db/schema';
import { describeOnPostgres, useSharedPostgres } from '../support/postgres-database';
import { startWorker } from '../support/spawn-worker';

const JOBS = 200;
const shared = useSharedPostgres();
const rows = async <T>(query: ReturnType<typeof sql>) => ((await db().execute(query)) as unknown as { rows: T[] }).rows;

describeOnPostgres('two runner processes on one PostgreSQL', () => {
  it(`run each of ${JOBS} due jobs exactly once between them`, { timeout: 120_000 }, async () => {
    await db().execute(sql`create table job_effects (id serial primary key, job_id int not null, attempt int not null, pid int not null, event text not null)`);
    await db().insert(jobs).values(Array.from({ length: JOBS }, (_, i) => ({ kind: 'test.append', summary: `append ${i + 1}` })));

    const workers = [startWorker(shared.url), startWorker(shared.url)];
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());
    const codes = await Promise.all(workers.map((w) => w.exited));
    expect(codes, workers.map((w) => w.output()).join('\n')).toEqual([0, 0]);

    const effects = await rows<{ job_id: number; pid: number }>(sql`select job_id, pid from job_effects`);
    expect(effects).toHaveLength(JOBS);
    expect(new Set(effects.map((e) => e.job_id)).size).toBe(JOBS);

    // Each worker says how many jobs it ran and its pid; the rows agree.
    const reports = workers.map((w) => /done (\d+) pid (\d+)/.exec(w.output())!.slice(1).map(Number));
    const counts = reports.map(([ran, pid]) => {
      expect(effects.filter((e) => e.pid === pid)).toHaveLength(ran);
      return ran;
    });
    expect(counts.reduce((a, b) => a + b)).toBe(JOBS);
    expect(Math.min(...counts), 'both processes ran some of the jobs').toBeGreaterThan(0);

    const [summary] = await rows<{ succeeded: number; attempts: number; runs: number; runners: number }>(sql`
      select count(*) filter (where status = 'succeeded')::int as succeeded, max(attempts)::int as attempts,
        (select count(*)::int from job_runs) as runs, (select count(distinct runner)::int from job_runs) as runners
      from jobs`);
    expect(summary).toEqual({ succeeded: JOBS, attempts: 1, runs: JOBS, runners: 2 });
    const doubled = await rows(sql`select job_id from job_runs group by job_id having count(*) <> 1`);
    expect(doubled).toEqual([]);
    console.log(`exactly once: ${JOBS} jobs, split ${counts.join(' / ')} between two processes`);
  });
});
