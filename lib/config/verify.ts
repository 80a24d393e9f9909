import { eq, sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { db } from '@/db/client';
import { bgpSessions, type Router } from '@/db/schema';
import { recordStateHistory } from '@/lib/findings/history';
import type { NeighborSpec, NeighborState, RouterDriver } from './drivers/types';
import type { RouterConnection } from './transport';

const MAX_PREFIX_TEARDOWN = 'Max-prefix teardown';

const sameIp = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Stores what the router said: state (and when it changed), uptime, prefixes, last error, when polled. */
export async function recordStates(neighbors: NeighborSpec[], states: NeighborState[]) {
  const bySession = new Map<number, NeighborState>();
  await recordStateHistory(neighbors.map((n) => ({ sessionId: n.sessionId, ...(states.find((st) => sameIp(st.peerIp, n.peerIp)) ?? { state: 'Idle', prefixesReceived: null, lastError: null }) })));
  for (const n of neighbors) {
    const s = states.find((st) => sameIp(st.peerIp, n.peerIp)) ?? {
      peerIp: n.peerIp,
      state: 'Idle',
      uptimeSeconds: null,
      prefixesReceived: null,
      lastError: 'The router does not list this neighbor',
      maxPrefixTeardown: false,
    };
    bySession.set(n.sessionId, s);
    const lastError = s.maxPrefixTeardown && !/^Established/i.test(s.state) ? `${MAX_PREFIX_TEARDOWN}${s.lastError ? `: ${s.lastError}` : ''}` : s.lastError;
    await db()
      .update(bgpSessions)
      .set({
        bgpState: s.state,
        bgpStateChangedAt: sql`case when ${bgpSessions.bgpState} is distinct from ${s.state} then now() else ${bgpSessions.bgpStateChangedAt} end`,
        uptimeSeconds: s.uptimeSeconds,
        prefixesReceived: s.prefixesReceived,
        bgpLastError: lastError,
        lastPolledAt: new Date(),
      })
      .where(eq(bgpSessions.id, n.sessionId));
  }
  return bySession;
}

/**
 * Polls once a second over the open connection until every session in expectUp is Established or
 * the time is up (0: a single poll), storing each answer. A session that stays down is reported, not failed.
 */
export async function pollUntilSettled(opts: {
  conn: RouterConnection;
  driver: RouterDriver;
  router: Router;
  neighbors: NeighborSpec[];
  expectUp: NeighborSpec[];
  seconds: number;
  signal?: AbortSignal;
}) {
  const deadline = Date.now() + opts.seconds * 1000;
  for (;;) {
    const states = await recordStates(opts.neighbors, await opts.driver.states!(opts.conn, opts.router, opts.neighbors));
    const settled = opts.expectUp.every((n) => /^Established/i.test(states.get(n.sessionId)?.state ?? ''));
    if (settled || Date.now() + 1000 > deadline || opts.signal?.aborted) return states;
    await sleep(1000);
  }
}
