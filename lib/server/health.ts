import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { schedulerLastTick } from '@/lib/jobs/scheduler';

// node-cron fires every 10 s; three missed ticks mean the scheduler is stuck or was never started.
const SCHEDULER_STALE_MS = 30_000;
// After a start, the first tick is up to 10 s away: ready meanwhile if everything else is.
const START_GRACE_S = 30;

export type Check = { ok: boolean; detail: string };

function newestMigration(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

async function migrations(): Promise<Check> {
  const result = (await db().execute(sql`select max(created_at)::float8 as applied from drizzle.__drizzle_migrations`)) as unknown as { rows: { applied: number | null }[] };
  const applied = result.rows[0]?.applied ?? 0;
  const expected = newestMigration();
  return applied >= expected ? { ok: true, detail: 'all applied' } : { ok: false, detail: 'this build has migrations the database has not applied' };
}

function scheduler(now = Date.now()): Check {
  const { started, lastTickAt } = schedulerLastTick();
  if (!started) return { ok: false, detail: 'not started' };
  if (lastTickAt === null) return process.uptime() < START_GRACE_S ? { ok: true, detail: 'starting' } : { ok: false, detail: 'never ticked' };
  const age = Math.round((now - lastTickAt) / 1000);
  return now - lastTickAt <= SCHEDULER_STALE_MS ? { ok: true, detail: `ticked ${age} s ago` } : { ok: false, detail: `last ticked ${age} s ago` };
}

/** Whether this instance should get traffic: its database answers, its schema is current, its scheduler runs. */
export async function readiness() {
  let database: Check = { ok: true, detail: 'reachable' };
  let schema: Check = { ok: false, detail: 'not checked: database unreachable' };
  try {
    await db().execute(sql`select 1`);
    schema = await migrations();
  } catch (err) {
    database = { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
  const checks = { database, migrations: schema, scheduler: scheduler() };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}
