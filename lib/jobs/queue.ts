import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { jobRuns, jobs, type Job } from '@/db/schema';

export type NewJob = {
  kind: string;
  payload?: Record<string, unknown>;
  summary?: string;
  runAt?: Date;
  createdBy?: number | null;
  dedupeKey?: string;
  maxAttempts?: number;
};

/** Schedules a job; with a dedupe key, returns the job already scheduled or running under that key instead. */
export async function enqueueJob(db: Executor, job: NewJob): Promise<Job> {
  const [inserted] = await db
    .insert(jobs)
    .values({ ...job, payload: job.payload ?? {}, runAt: job.runAt ?? new Date() })
    .onConflictDoNothing({ target: jobs.dedupeKey, where: sql`${jobs.status} in ('scheduled', 'running')` })
    .returning();
  if (inserted) return inserted;
  const [existing] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.dedupeKey, job.dedupeKey!), sql`${jobs.status} in ('scheduled', 'running')`));
  return existing;
}

/**
 * "Sync now" / "Refresh" for a recurring kind (one job at a time, its kind its dedupe key, as in
 * keepRecurring): the one already running, the scheduled one brought forward to now (with this
 * request's payload and author), or a new one.
 */
export async function enqueueOrBringForward(db: Executor, job: Omit<NewJob, 'dedupeKey' | 'runAt'>): Promise<Job> {
  const found = await enqueueJob(db, { ...job, dedupeKey: job.kind });
  if (found.status !== 'scheduled' || found.runAt.getTime() <= Date.now()) return found;
  const [brought] = await db
    .update(jobs)
    .set({ runAt: sql`now()`, ...(job.payload && { payload: job.payload }), ...(job.createdBy && { createdBy: job.createdBy }), updatedAt: new Date() })
    .where(and(eq(jobs.id, found.id), eq(jobs.status, 'scheduled')))
    .returning();
  return brought ?? found;
}

/**
 * Keeps a recurring job scheduled: one job of this kind (its kind is its dedupe key), due
 * `intervalSeconds` after the last one finished, or now if none has run. Safe from every instance
 * on every tick.
 */
export async function keepRecurring(db: Executor, kind: string, intervalSeconds: number, summary: string): Promise<Job> {
  const [last] = await db
    .select({ finishedAt: jobs.finishedAt })
    .from(jobs)
    .where(and(eq(jobs.kind, kind), inArray(jobs.status, ['succeeded', 'failed'])))
    .orderBy(desc(jobs.finishedAt))
    .limit(1);
  const runAt = last?.finishedAt ? new Date(last.finishedAt.getTime() + intervalSeconds * 1000) : new Date();
  return enqueueJob(db, { kind, dedupeKey: kind, runAt, summary });
}

/**
 * Claims due jobs for this runner: scheduled ones whose time has come, and running ones whose
 * runner stopped renewing its lease (it crashed). FOR UPDATE SKIP LOCKED keeps two instances
 * from claiming the same job. A job whose attempts are used up fails instead of running again.
 */
export async function claimDueJobs(db: Executor, runner: string, leaseMs: number, limit = 2, only?: number): Promise<Job[]> {
  await db.execute(sql`
    update jobs set status = 'failed', finished_at = now(), updated_at = now(), lease_owner = null,
      error = coalesce(error || E'\n', '') || 'Its runner stopped (lease expired) and no attempts are left'
    where status = 'running' and lease_expires_at < now() and attempts >= max_attempts`);
  const due = only
    ? sql`id = ${only} and status = 'scheduled'`
    : sql`(status = 'scheduled' and run_at <= now()) or (status = 'running' and lease_expires_at < now())`;
  const result = await db.execute(sql`
    update jobs set status = 'running', lease_owner = ${runner},
      lease_expires_at = now() + ${`${leaseMs} milliseconds`}::interval,
      attempts = attempts + 1, updated_at = now(), error = null
    where id in (select id from jobs where ${due} order by run_at, id limit ${limit} for update skip locked)
    returning id`);
  const ids = (result as unknown as { rows: { id: number }[] }).rows.map((r) => r.id);
  if (!ids.length) return [];
  return db.select().from(jobs).where(sql`${jobs.id} in ${ids}`);
}

export async function renewLease(db: Executor, jobId: number, runner: string, leaseMs: number) {
  const rows = await db
    .update(jobs)
    .set({ leaseExpiresAt: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
    .where(and(eq(jobs.id, jobId), eq(jobs.leaseOwner, runner), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function recordProgress(db: Executor, jobId: number, runner: string, progress: Record<string, unknown>) {
  await db
    .update(jobs)
    .set({ progress, updatedAt: new Date() })
    .where(and(eq(jobs.id, jobId), eq(jobs.leaseOwner, runner)));
}

/** Finishes a job, only if this runner still holds it (a runner that lost its lease changes nothing). */
export async function finishJob(
  db: Executor,
  job: Job,
  runner: string,
  outcome: { status: 'succeeded' | 'failed'; result?: Record<string, unknown>; error?: string; output?: string },
) {
  const done = await db
    .update(jobs)
    .set({
      status: outcome.status,
      result: outcome.result ?? null,
      error: outcome.error ?? null,
      finishedAt: new Date(),
      updatedAt: new Date(),
      leaseOwner: null,
      leaseExpiresAt: null,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.leaseOwner, runner), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  await db
    .update(jobRuns)
    .set({ status: outcome.status, finishedAt: new Date(), output: outcome.output ?? null, error: outcome.error ?? null })
    .where(and(eq(jobRuns.jobId, job.id), eq(jobRuns.attempt, job.attempts), eq(jobRuns.runner, runner)));
  return done.length > 0;
}

/** Stops a recurring kind: its scheduled run that no person asked for is cancelled, with the reason. */
export async function cancelRecurring(db: Executor, kind: string, reason: string) {
  await db
    .update(jobs)
    .set({ status: 'cancelled', finishedAt: new Date(), updatedAt: new Date(), error: reason })
    .where(and(eq(jobs.kind, kind), eq(jobs.status, 'scheduled'), isNull(jobs.createdBy)));
}
