import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { jobs, pdbSyncState } from '@/db/schema';

const jobColumns = {
  id: jobs.id,
  status: jobs.status,
  runAt: jobs.runAt,
  progress: jobs.progress,
  result: jobs.result,
  error: jobs.error,
  finishedAt: jobs.finishedAt,
};

/**
 * The running or next PeeringDB sync, the last finished one, and each object type's last result.
 * `syncKind` is the sync job's kind (lib/jobs/labels.ts: db/ does not import lib/).
 */
export async function peeringDbStatus(db: Executor, syncKind: string) {
  const [[active], [last], types] = await Promise.all([
    db
      .select(jobColumns)
      .from(jobs)
      .where(and(eq(jobs.kind, syncKind), inArray(jobs.status, ['running', 'scheduled'])))
      .orderBy(asc(jobs.runAt))
      .limit(1),
    db
      .select(jobColumns)
      .from(jobs)
      .where(and(eq(jobs.kind, syncKind), inArray(jobs.status, ['succeeded', 'failed'])))
      .orderBy(desc(jobs.finishedAt))
      .limit(1),
    db.select().from(pdbSyncState),
  ]);
  return { active: active ?? null, last: last ?? null, types };
}

type SyncSummaryRow = {
  activeStatus: string | null;
  lastStatus: 'succeeded' | 'failed' | null;
  lastFinishedAt: string | Date | null;
  failedTypes: { tag: string; lastError: string | null }[];
};

/**
 * What the home page shows of PeeringDB, in one statement: whether a sync runs now, how the last one
 * ended and when, and the object types whose last sync failed (with why).
 * `syncKind` is the sync job's kind (lib/jobs/labels.ts: db/ does not import lib/).
 */
export async function peeringDbSummary(db: Executor, syncKind: string) {
  const result = await db.execute(sql`
    select
      (select j.status::text from jobs j where j.kind = ${syncKind} and j.status in ('running', 'scheduled') order by j.run_at limit 1) as "activeStatus",
      l.status::text as "lastStatus", l.finished_at as "lastFinishedAt",
      coalesce((select json_agg(json_build_object('tag', t.tag, 'lastError', t.last_error) order by t.tag)
        from pdb_sync_state t where t.last_status = 'failed'), '[]'::json) as "failedTypes"
    from (select 1) as one
    left join lateral (select j.status, j.finished_at from jobs j where j.kind = ${syncKind} and j.status in ('succeeded', 'failed')
      order by j.finished_at desc nulls last limit 1) l on true`);
  const [row] = (result as unknown as { rows: SyncSummaryRow[] }).rows;
  return {
    running: row.activeStatus === 'running',
    last: row.lastStatus ? { status: row.lastStatus, finishedAt: row.lastFinishedAt ? new Date(row.lastFinishedAt) : null } : null,
    failedTypes: row.failedTypes,
  };
}
