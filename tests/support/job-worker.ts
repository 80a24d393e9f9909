// A separate runner process for the exactly-once tests: `node --import tsx tests/support/job-worker.ts`
// with DATABASE_URL set. It says "ready", waits for "go" on stdin (so two workers start together),
// then ticks like the server's scheduler until it has found nothing due for a while, and says
// "done <jobs run>". Its test job kinds write what they do to the job_effects table.
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { closeDatabase, db } from '@/db/client';
import { jobKinds } from '@/lib/jobs/kinds';
import { tick } from '@/lib/jobs/runner';
import type { JobKind } from '@/lib/jobs/types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const record = (jobId: number, attempt: number, event: string) =>
  db().execute(sql`insert into job_effects (job_id, attempt, pid, event) values (${jobId}, ${attempt}, ${process.pid}, ${event})`);

const append: JobKind = {
  name: 'test.append',
  label: 'Test: append a row',
  payload: z.object({}),
  run: async ({ job }) => {
    await sleep(5 + Math.random() * 10);
    await record(job.id, job.attempts, 'ran');
    return { pid: process.pid };
  },
};

const slow: JobKind = {
  name: 'test.slow',
  label: 'Test: start, sleep, finish',
  payload: z.object({}),
  run: async ({ job }) => {
    await record(job.id, job.attempts, 'started');
    await sleep(Number(process.env.TEST_SLOW_MS ?? 10_000));
    await record(job.id, job.attempts, 'finished');
  },
};

for (const kind of [append, slow]) jobKinds[kind.name] = kind;

const idleTicks = Number(process.env.TEST_IDLE_TICKS ?? 40);

async function main() {
  await db().execute(sql`select 1`);
  console.log('ready');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'go') break;
  let ran = 0;
  for (let idle = 0; idle < idleTicks; ) {
    const done = await tick();
    ran += done.length;
    idle = done.length ? 0 : idle + 1;
    if (!done.length) await sleep(25);
  }
  console.log(`done ${ran} pid ${process.pid}`);
  await closeDatabase();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
