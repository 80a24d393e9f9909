import { and, asc, desc, eq, inArray } from 'drizzle-orm';
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
