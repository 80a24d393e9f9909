import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { bgpSessions, jobs, routers } from '@/db/schema';
import { mutation } from '@/lib/auth/mutation';
import { enqueueJob, keepRecurring } from '@/lib/jobs/queue';
import type { JobContext } from '@/lib/jobs/runner';
import { bgpPollInterval } from '@/lib/settings/service';
import { driverFor } from './drivers';
import { loadNeighbors } from './render';
import { refreshBgpStateInput } from './schemas';
import { connectRouter } from './transport';
import { recordStates } from './verify';

export const POLL_JOB = 'bgp.poll';
const POLLABLE = ['frr', 'bird'] as const;

/** Configured sessions on FRR and BIRD routers that Peerdesk can reach. */
function pollableSessions() {
  return db()
    .select({ id: bgpSessions.id })
    .from(bgpSessions)
    .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
    .where(and(eq(bgpSessions.configStatus, 'configured'), isNull(bgpSessions.removedAt), inArray(routers.platform, [...POLLABLE]), sql`${routers.transport} <> 'none'`));
}

/** The bgp.poll job: one connection per router, every configured session's state stored. A router that fails is reported and skipped. */
export async function bgpPollJob(ctx: JobContext) {
  const groups = await loadNeighbors(db(), (await pollableSessions()).map((r) => r.id));
  const results: { router: string; sessions: number; error?: string }[] = [];
  for (const [i, { router, neighbors }] of groups.entries()) {
    ctx.progress({ routers: groups.length, done: i, current: router.name });
    const conn = await connectRouter(router).catch((err: Error) => err);
    try {
      if (conn instanceof Error) throw conn;
      await recordStates(neighbors, await driverFor(router.platform).states!(conn, router, neighbors));
      results.push({ router: router.name, sessions: neighbors.length });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      ctx.log(`${router.name}: ${error}`);
      results.push({ router: router.name, sessions: neighbors.length, error });
    } finally {
      if (!(conn instanceof Error)) await conn.close().catch(() => undefined);
    }
  }
  ctx.progress({ routers: groups.length, done: groups.length });
  return { routers: results };
}

/** Keeps a poll scheduled every interval while there is something to poll; an interval of 0 stops it. */
export async function ensureBgpPolling() {
  const interval = await bgpPollInterval();
  if (interval === 0) {
    await db()
      .update(jobs)
      .set({ status: 'cancelled', finishedAt: new Date(), updatedAt: new Date(), error: 'Polling was turned off (interval 0)' })
      .where(and(eq(jobs.kind, POLL_JOB), eq(jobs.status, 'scheduled'), isNull(jobs.createdBy)));
    return;
  }
  const [any] = await pollableSessions().limit(1);
  if (!any) return;
  await keepRecurring(db(), POLL_JOB, interval, `BGP state polling (every ${interval} s)`);
}

/** The session list's Refresh: a poll now (the scheduled one brought forward, never a second one). */
export const refreshBgpState = mutation({
  action: 'bgp.refresh',
  permission: 'sessions.manage',
  input: refreshBgpStateInput,
  async run({ tx, actor, audit }) {
    let job = await enqueueJob(tx, { kind: POLL_JOB, dedupeKey: POLL_JOB, createdBy: actor.id, summary: 'BGP state polling (Refresh)' });
    if (job.status === 'scheduled' && job.runAt.getTime() > Date.now()) {
      [job] = await tx
        .update(jobs)
        .set({ runAt: sql`now()`, updatedAt: new Date() })
        .where(and(eq(jobs.id, job.id), eq(jobs.status, 'scheduled')))
        .returning();
    }
    audit({ target: `job:${job.id}` });
    return { job: { id: job.id, status: job.status, runAt: job.runAt } };
  },
});
