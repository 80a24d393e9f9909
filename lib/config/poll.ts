import { z } from 'zod';
import { db } from '@/db/client';
import { storeSessionStateBars } from '@/db/queries/dashboard';
import { configuredSessionsOnReachableRouters } from '@/db/queries/sessions';
import { mutation } from '@/lib/auth/mutation';
import { refreshFindings } from '@/lib/findings/compute';
import { observeRouter } from '@/lib/findings/history';
import { BGP_POLL } from '@/lib/jobs/labels';
import { cancelRecurring, enqueueOrBringForward, keepRecurring } from '@/lib/jobs/queue';
import type { JobContext, JobKind } from '@/lib/jobs/types';
import { notifySessionChanges } from '@/lib/notifications/session-state';
import { bgpPollInterval } from '@/lib/settings/service';
import { driverFor } from './drivers';
import { loadNeighbors } from './render';
import { refreshBgpStateInput } from './schemas';
import { connectRouter } from './transport';
import { recordStates } from './verify';

const POLLABLE = ['frr', 'bird'] as const;

/** Configured sessions on FRR and BIRD routers that Peerdesk can reach. */
function pollableSessions() {
  return configuredSessionsOnReachableRouters(db(), POLLABLE);
}

/** One connection per router, every configured session's state stored. A router that fails is reported and skipped. */
async function bgpPollJob(ctx: JobContext) {
  const groups = await loadNeighbors(db(), (await pollableSessions()).map((r) => r.id));
  const results: { router: string; sessions: number; error?: string }[] = [];
  for (const [i, { router, neighbors }] of groups.entries()) {
    ctx.progress({ routers: groups.length, done: i, current: router.name });
    const conn = await connectRouter(router).catch((err: Error) => err);
    try {
      if (conn instanceof Error) throw conn;
      await notifySessionChanges(
        neighbors.map((n) => n.sessionId),
        async () =>
          recordStates(neighbors, await observeRouter(router.id, await driverFor(router.platform).states!(conn, router, neighbors))),
      );
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
  await refreshFindings();
  await storeSessionStateBars(db());
  return { routers: results };
}

/** Keeps a poll scheduled every interval while there is something to poll; an interval of 0 stops it. */
async function ensureBgpPolling() {
  const interval = await bgpPollInterval();
  if (interval === 0) {
    await cancelRecurring(db(), BGP_POLL.name, 'Polling was turned off (interval 0)');
    return;
  }
  const [any] = await pollableSessions().limit(1);
  if (!any) return;
  await keepRecurring(db(), BGP_POLL.name, interval, `BGP state polling (every ${interval} s)`);
}

export const bgpPollKind: JobKind = { ...BGP_POLL, payload: z.object({}), run: bgpPollJob, recurring: ensureBgpPolling };

/** The session list's Refresh: a poll now (the scheduled one brought forward, never a second one). */
export const refreshBgpState = mutation({
  action: 'bgp.refresh',
  permission: 'sessions.manage',
  input: refreshBgpStateInput,
  queuesJobs: true,
  async run({ tx, actor, audit }) {
    const job = await enqueueOrBringForward(tx, { kind: BGP_POLL.name, createdBy: actor.id, summary: 'BGP state polling (Refresh)' });
    audit({ target: `job:${job.id}` });
    return { job: { id: job.id, status: job.status, runAt: job.runAt } };
  },
});
