import { and, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { jobs, localAsns } from '@/db/schema';
import { peeringDbSettings } from '@/lib/settings/service';
import { ensureBgpPolling } from '@/lib/config/poll';
import { ensureMailSync } from '@/lib/mail/job';
import { enqueueJob } from './queue';

// A TTL of 0 means "always fresh"; the scheduled refresh still waits this long between runs.
const MIN_REFRESH_S = 60;

/**
 * Keeps the PeeringDB refresh scheduled every cache TTL once the operator has set an ASN, and the
 * BGP state poll every poll interval.
 * The dedupe key makes this safe to call from every instance on every tick.
 */
export async function ensureRecurringJobs() {
  await ensureMailSync();
  await ensureBgpPolling();
  const [anyAsn] = await db().select().from(localAsns).limit(1);
  if (!anyAsn) return;
  const { cacheTtl } = await peeringDbSettings();
  const [last] = await db()
    .select({ finishedAt: jobs.finishedAt })
    .from(jobs)
    .where(and(eq(jobs.kind, 'peeringdb.sync'), inArray(jobs.status, ['succeeded', 'failed'])))
    .orderBy(desc(jobs.finishedAt))
    .limit(1);
  const runAt = last?.finishedAt ? new Date(last.finishedAt.getTime() + Math.max(cacheTtl, MIN_REFRESH_S) * 1000) : new Date();
  await enqueueJob(db(), { kind: 'peeringdb.sync', dedupeKey: 'peeringdb.sync', runAt, summary: 'PeeringDB refresh (every cache TTL)' });
}
