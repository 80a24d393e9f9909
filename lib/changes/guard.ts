import { and, eq, isNull } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { db } from '@/db/client';
import { bgpSessions, changes, type ChangeVerification, type ConfigStatus, type Router } from '@/db/schema';
import type { NeighborSpec, NeighborState, PushPlan, RouterDriver } from '@/lib/config/drivers/types';
import type { PushPayload } from '@/lib/config/push-payload';
import { loadNeighbors } from '@/lib/config/render';
import type { RouterConnection } from '@/lib/config/transport';
import { recordStates } from '@/lib/config/verify';
import { changeOf } from './progress';
import { changeControlSettings } from './settings';

// Verification ends early once everything has looked right for this long (a drop a change causes shows within it).
const STABLE_SECONDS = 3;
const up = (state: string | undefined) => /^Established/i.test(state ?? '');
const NOT_ON_ROUTER = 'Not configured on the router';

type Guard = {
  changeId: number;
  conn: RouterConnection;
  driver: RouterDriver;
  router: Router;
  plan: PushPlan;
  /** Every session Peerdesk knows on this router (the change's own first), and their states before the push. */
  all: NeighborSpec[];
  before: Map<number, NeighborState>;
  /** Neighbors the router has that Peerdesk does not know (drivers that list them all), by address. */
  beforeUnknown: Map<string, string>;
  saved: string | null;
  seconds: number;
  rollbackOnFailure: boolean;
};

/**
 * Before a push: the state of every session on the router, and what a rollback would need. Null
 * when the push carries no change, or the platform cannot report BGP state.
 */
export async function guardPush(
  conn: RouterConnection,
  driver: RouterDriver,
  router: Router,
  plan: PushPlan,
  payload: PushPayload,
): Promise<Guard | null> {
  const changeId = changeOf(payload, router.id);
  if (!changeId || !driver.states) return null;
  const own = new Set(plan.neighbors.map((n) => n.sessionId));
  const others = await db()
    .select({ id: bgpSessions.id })
    .from(bgpSessions)
    .where(and(eq(bgpSessions.routerId, router.id), eq(bgpSessions.configStatus, 'configured'), isNull(bgpSessions.removedAt)));
  const [group] = await loadNeighbors(db(), others.map((o) => o.id).filter((id) => !own.has(id)));
  const all = [...plan.neighbors, ...(group?.neighbors ?? [])];
  const states = await driver.states(conn, router, all);
  const before = new Map(all.map((n, i) => [n.sessionId, states[i]]));
  const beforeUnknown = unknownOf(states, all);
  const settings = await changeControlSettings();
  const saved = driver.saveConfig ? await driver.saveConfig(conn, router, plan) : null;
  return {
    changeId,
    conn,
    driver,
    router,
    plan,
    all,
    before,
    beforeUnknown,
    saved,
    seconds: payload.verifySeconds ?? settings.verifySeconds,
    rollbackOnFailure: settings.rollbackOnFailure,
  };
}

/** The states past the asked-for neighbors: the router's other neighbors, when its driver lists them. */
const unknownOf = (states: NeighborState[], asked: NeighborSpec[]) =>
  new Map(states.slice(asked.length).map((s) => [s.peerIp.toLowerCase(), s.state]));

/** What is wrong now: own sessions the router does not take as asked, and sessions that were Established and are not. */
function failuresOf(g: Guard, now: Map<number, NeighborState>, unknownNow: Map<string, string>) {
  const own = new Set(g.plan.neighbors.map((n) => n.sessionId));
  const failures: string[] = [];
  for (const n of g.all) {
    const state = now.get(n.sessionId);
    if (own.has(n.sessionId)) {
      const listed = state?.lastError !== NOT_ON_ROUTER;
      if (g.plan.operation === 'remove' ? listed : !listed) failures.push(`${n.peerIp}: the router ${g.plan.operation === 'remove' ? 'still lists' : 'does not list'} this change's session`);
      continue;
    }
    if (up(g.before.get(n.sessionId)?.state) && !up(state?.state)) failures.push(`${n.peerIp} (AS${n.peerAsn}) was Established before the push and is now ${state?.state ?? 'gone'}`);
  }
  for (const [ip, state] of g.beforeUnknown) {
    if (up(state) && !up(unknownNow.get(ip))) failures.push(`${ip} (not managed by Peerdesk) was Established before the push and is now ${unknownNow.get(ip) ?? 'gone'}`);
  }
  return failures;
}

/**
 * Watches the router for up to verifySeconds after the push: passes once nothing has been wrong for a few
 * seconds and the change's own sessions are up (or never will be: a new peer may not have configured its side),
 * fails at the first drop. The result is kept on the change.
 */
export async function verifyPush(g: Guard, signal?: AbortSignal): Promise<ChangeVerification> {
  const started = Date.now();
  let stableSince = Date.now();
  let failures: string[] = [];
  let now = new Map<number, NeighborState>();
  let unknownNow = new Map<string, string>();
  for (;;) {
    const states = await g.driver.states!(g.conn, g.router, g.all);
    now = await recordStates(g.all, states);
    unknownNow = unknownOf(states, g.all);
    failures = failuresOf(g, now, unknownNow);
    if (failures.length) break;
    const ownUp = g.plan.operation !== 'configure' && g.plan.operation !== 'admin_up' ? true : g.plan.neighbors.every((n) => n.adminDown || up(now.get(n.sessionId)?.state));
    if (!ownUp) stableSince = Date.now();
    const elapsed = (Date.now() - started) / 1000;
    if (elapsed >= g.seconds || (ownUp && (Date.now() - stableSince) / 1000 >= Math.min(
      STABLE_SECONDS,
      g.seconds,
    )) || signal?.aborted) break;
    await sleep(1000);
  }
  const own = new Set(g.plan.neighbors.map((n) => n.sessionId));
  const verification: ChangeVerification = {
    seconds: Math.round((Date.now() - started) / 1000),
    ok: failures.length === 0,
    failures,
    sessions: [
      ...g.all.map((n) => ({
        peerIp: n.peerIp,
        own: own.has(n.sessionId),
        before: g.before.get(n.sessionId)?.state ?? null,
        after: now.get(n.sessionId)?.state ?? null,
      })),
      ...[...g.beforeUnknown].map(([ip, state]) => ({ peerIp: ip, own: false, before: state, after: unknownNow.get(ip) ?? null })),
    ],
  };
  await db().update(changes).set({ verification, updatedAt: new Date() }).where(eq(changes.id, g.changeId));
  return verification;
}

/**
 * Verification failed: the driver puts the previous configuration back, the sessions that were up are
 * watched until they are again, and the change's sessions go back to the status they had before it.
 */
export async function rollBack(g: Guard, verification: ChangeVerification, previous: PushPayload['previous']) {
  const reason = `Verification failed: ${verification.failures.join('; ')}`;
  let output = '';
  let restored = false;
  if (!g.rollbackOnFailure || !g.driver.restoreConfig || g.saved === null) {
    output = g.rollbackOnFailure ? `${g.router.platform} cannot restore a configuration automatically` : 'Rollback on failure is off in the change control settings';
  } else {
    try {
      output = (await g.driver.restoreConfig(g.conn, g.router, g.plan, g.saved)).output;
      restored = true;
    } catch (err) {
      output = `${err instanceof Error ? err.message : String(err)}\n${(err as { output?: string }).output ?? ''}`.trim();
    }
  }
  if (restored) await waitForRecovery(g);
  await db()
    .update(changes)
    .set({ rollback: { reason, output, restored, at: new Date().toISOString() }, updatedAt: new Date() })
    .where(eq(changes.id, g.changeId));
  if (restored) await sessionsBack(g.changeId, g.plan.neighbors, previous, reason);
  return { reason, restored };
}

/** After a rollback, the sessions that were Established before come back (BGP needs a few seconds). */
async function waitForRecovery(g: Guard) {
  const deadline = Date.now() + Math.max(g.seconds, 10) * 1000;
  const wanted = g.all.filter((n) => up(g.before.get(n.sessionId)?.state));
  const wantedUnknown = [...g.beforeUnknown].filter(([, state]) => up(state)).map(([ip]) => ip);
  while (Date.now() < deadline) {
    const states = await g.driver.states!(g.conn, g.router, g.all);
    const now = await recordStates(g.all, states);
    const unknownNow = unknownOf(states, g.all);
    if (wanted.every((n) => up(now.get(n.sessionId)?.state)) && wantedUnknown.every((ip) => up(unknownNow.get(ip)))) return;
    await sleep(1000);
  }
}

/** The timer a device gets for a confirmed commit: long enough for the confirm, short enough to get management access back soon. */
export const CONFIRM_SECONDS = 120;

/**
 * Confirms a timed commit over the connection that made it. A change that cut the management
 * path, or a device that dropped the connection, never gets the confirm: the device restores
 * its previous configuration when the timer runs out, and the change ends rolled back.
 */
export async function confirmCommit(confirmation: { confirm(): Promise<string> }, changeId: number, neighbors: NeighborSpec[], previous: PushPayload['previous']) {
  try {
    return { ok: true as const, output: await confirmation.confirm() };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const reason = `The commit was not confirmed (${message}): the router rolls it back by itself when its ${CONFIRM_SECONDS} s timer runs out`;
    await db()
      .update(changes)
      .set({ rollback: { reason, output: (err as { output?: string }).output ?? '', restored: true, at: new Date().toISOString() }, updatedAt: new Date() })
      .where(eq(changes.id, changeId));
    await sessionsBack(changeId, neighbors, previous, reason);
    return { ok: false as const, reason };
  }
}

/** The change's sessions go back to the status they had before it, saying why. */
async function sessionsBack(changeId: number, neighbors: NeighborSpec[], previous: PushPayload['previous'], reason: string) {
  for (const n of neighbors) {
    const was: ConfigStatus = previous?.[String(n.sessionId)] ?? 'not_configured';
    const back: ConfigStatus = was === 'scheduled' || was === 'configuring' ? 'not_configured' : was;
    await db()
      .update(bgpSessions)
      .set({ configStatus: back, configError: `Change #${changeId} was rolled back: ${reason}`, removedAt: null, updatedAt: new Date() })
      .where(eq(bgpSessions.id, n.sessionId));
  }
}
