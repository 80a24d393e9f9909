import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { jobRuns, jobs, users, type JobStatus } from '@/db/schema';

/** The Scheduler's filters as the query needs them; lib/jobs/schemas.ts parses them from a URL or the API. */
export type JobListFilter = { status?: JobStatus; kind?: string; q?: string };

/** What a browser or API client sees of a job: never the raw payload (it may carry edited router config). */
const jobColumns = {
  id: jobs.id,
  kind: jobs.kind,
  status: jobs.status,
  runAt: jobs.runAt,
  progress: jobs.progress,
  result: jobs.result,
  error: jobs.error,
  attempts: jobs.attempts,
  maxAttempts: jobs.maxAttempts,
  summary: jobs.summary,
  createdBy: users.email,
  leaseOwner: jobs.leaseOwner,
  createdAt: jobs.createdAt,
  finishedAt: jobs.finishedAt,
  lastOutput: sql<string | null>`(select coalesce(r.error, r.output) from job_runs r where r.job_id = jobs.id order by r.attempt desc, r.id desc limit 1)`,
};

function conditions(f: JobListFilter): (SQL | undefined)[] {
  const id = f.q ? /^#?(\d{1,9})$/.exec(f.q)?.[1] : undefined;
  return [
    f.status ? eq(jobs.status, f.status) : undefined,
    f.kind ? eq(jobs.kind, f.kind) : undefined,
    !f.q ? undefined : id ? eq(jobs.id, Number(id)) : sql`(${jobs.summary} ilike ${`%${f.q}%`} or ${jobs.kind} ilike ${`%${f.q}%`})`,
  ];
}

/**
 * The Scheduler and GET /jobs: what runs now, then what comes next (soonest first), then what
 * already happened (newest first). Filtered and paged in SQL.
 */
export async function listJobs(db: Executor, params: JobListFilter & { limit: number; offset: number }) {
  return db
    .select(jobColumns)
    .from(jobs)
    .leftJoin(users, eq(users.id, jobs.createdBy))
    .where(and(...conditions(params)))
    .orderBy(
      sql`case ${jobs.status} when 'running' then 0 when 'scheduled' then 1 else 2 end`,
      sql`case when ${jobs.status} = 'scheduled' then extract(epoch from ${jobs.runAt}) else -extract(epoch from coalesce(${jobs.finishedAt}, ${jobs.runAt})) end`,
      asc(jobs.id),
    )
    .limit(params.limit)
    .offset(params.offset);
}

export type JobView = Awaited<ReturnType<typeof listJobs>>[number];

/** One job with its payload (for the job page, which summarizes it) and every run, oldest first. */
export async function getJob(db: Executor, id: number) {
  const [job] = await db
    .select({ ...jobColumns, payload: jobs.payload })
    .from(jobs)
    .leftJoin(users, eq(users.id, jobs.createdBy))
    .where(eq(jobs.id, id));
  if (!job) return undefined;
  const runs = await db
    .select({
      attempt: jobRuns.attempt,
      runner: jobRuns.runner,
      status: jobRuns.status,
      startedAt: jobRuns.startedAt,
      finishedAt: jobRuns.finishedAt,
      output: jobRuns.output,
      error: jobRuns.error,
      // A run still "running" whose job moved on was left behind by a runner that stopped (its lease expired).
      abandoned: sql<boolean>`(${jobRuns.status} = 'running' and (${jobs.status} <> 'running' or ${jobRuns.attempt} < ${jobs.attempts}))`,
    })
    .from(jobRuns)
    .innerJoin(jobs, eq(jobs.id, jobRuns.jobId))
    .where(eq(jobRuns.jobId, id))
    .orderBy(asc(jobRuns.attempt), asc(jobRuns.id));
  return { ...job, runs };
}

export type JobDetail = NonNullable<Awaited<ReturnType<typeof getJob>>>;

/** The kinds present in the table, for the Scheduler's filter. */
export async function jobKindsInUse(db: Executor) {
  const rows = await db.selectDistinct({ kind: jobs.kind }).from(jobs).orderBy(asc(jobs.kind));
  return rows.map((r) => r.kind);
}
