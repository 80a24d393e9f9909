import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { configuredSessionsOnReachableRouters } from '@/db/queries/sessions';
import { findings, type Router } from '@/db/schema';
import { driverFor } from '@/lib/config/drivers';
import type { NeighborSpec } from '@/lib/config/drivers/types';
import { loadNeighbors, renderSessions } from '@/lib/config/render';
import { TemplateError } from '@/lib/templates/engine';
import { connectRouter } from '@/lib/config/transport';
import { CONFIG_DRIFT } from '@/lib/jobs/labels';
import { cancelRecurring, enqueueOrBringForward, keepRecurring } from '@/lib/jobs/queue';
import type { JobContext, JobKind } from '@/lib/jobs/types';
import { bgpPollInterval } from '@/lib/settings/service';
import { compareSession, DRIFT_PLATFORMS, frrLinesByPeer, type DriftDetails } from './drift';

/** Reading whole running configurations is heavier than a state poll: a quarter of an hour is fresh enough for drift. */
const DRIFT_INTERVAL_SECONDS = 900;

/** Configured sessions on FRR and BIRD routers that Peerdesk connects to: the ones whose lines can be read. */
function checkableSessions() {
  return configuredSessionsOnReachableRouters(db(), DRIFT_PLATFORMS);
}

/**
 * What a push would send for each session, by session id. A session whose template fails is left
 * out (its push would fail the same way, and say so): one bad session must not hide the others' drift.
 */
async function renderings(sessionIds: number[]): Promise<Map<number, string>> {
  const render = async (ids: number[]) =>
    new Map((await renderSessions(db(), ids)).flatMap((r) => r.sections.map((s) => [s.sessionId, s.text] as const)));
  try {
    return await render(sessionIds);
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
  }
  const out = new Map<number, string>();
  for (const id of sessionIds) {
    try {
      for (const [k, v] of await render([id])) out.set(k, v);
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
    }
  }
  return out;
}

/**
 * The drift check's answer for the sessions it read: a config_drift finding for each that drifts
 * (opened, or its details brought up to date), and the open ones of the others resolved. Sessions
 * not read (their router failed, their template failed) keep what they had. Two statements.
 */
async function recordDrift(checked: number[], drifted: Map<number, DriftDetails>) {
  if (drifted.size) {
    const rows = JSON.stringify([...drifted].map(([id, details]) => ({ id, details })));
    await db().execute(sql`
      insert into findings (kind, key, severity, session_id, router_id, peer_asn, ix_id, details, remedy, since, last_seen_at)
      select 'config_drift', 'session:' || s.id, 'warning', s.id, s.router_id, s.peer_asn, s.ix_id, v.details, 'repush', now(), now()
      from json_to_recordset(${rows}::json) as v(id int, details jsonb) join bgp_sessions s on s.id = v.id
      on conflict (kind, key) where resolved_at is null
      do update set details = excluded.details, router_id = excluded.router_id, last_seen_at = now()
      where findings.details is distinct from excluded.details or findings.router_id is distinct from excluded.router_id`);
  }
  const resolved = checked.filter((id) => !drifted.has(id));
  if (resolved.length) {
    await db().execute(sql`
      update findings set resolved_at = now()
      where kind = 'config_drift' and resolved_at is null and session_id = any(${`{${resolved.join(',')}}`}::int[])`);
  }
}

/** One router, one connection: FRR's running configuration read once for all its sessions, BIRD's files one per session. */
async function checkRouter(router: Router, neighbors: NeighborSpec[]) {
  const rendered = await renderings(neighbors.map((n) => n.sessionId));
  const driver = driverFor(router.platform);
  const conn = await connectRouter(router);
  const checked: number[] = [];
  const drifted = new Map<number, DriftDetails>();
  try {
    const frrLines = router.platform === 'frr' ? frrLinesByPeer(await driver.running(conn, router, neighbors), router, neighbors) : null;
    for (const n of neighbors) {
      const text = rendered.get(n.sessionId);
      if (text === undefined) continue;
      const running = frrLines ? (frrLines.get(n.peerIp.toLowerCase()) ?? '') : await driver.running(conn, router, [n]);
      const details = compareSession(router, n, running, text);
      checked.push(n.sessionId);
      if (details) drifted.set(n.sessionId, details);
    }
  } finally {
    await conn.close().catch(() => undefined);
  }
  await recordDrift(checked, drifted);
  return { drifted: drifted.size, unrendered: neighbors.length - rendered.size };
}

/** Every checkable session, router by router; a router that fails is reported and its findings stay as they were. */
export async function configDriftJob(ctx: Pick<JobContext, 'progress' | 'log'>) {
  const groups = await loadNeighbors(db(), (await checkableSessions()).map((r) => r.id));
  const results: { router: string; sessions: number; drifted?: number; unrendered?: number; error?: string }[] = [];
  for (const [i, { router, neighbors }] of groups.entries()) {
    ctx.progress({ routers: groups.length, done: i, current: router.name });
    try {
      const { drifted, unrendered } = await checkRouter(router, neighbors);
      results.push({ router: router.name, sessions: neighbors.length, drifted, ...(unrendered ? { unrendered } : {}) });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      ctx.log(`${router.name}: ${error}`);
      results.push({ router: router.name, sessions: neighbors.length, error });
    }
  }
  ctx.progress({ routers: groups.length, done: groups.length });
  return { routers: results };
}

/** Scheduled while there is something to check and polling is on: with polling off, Peerdesk does not go to the routers by itself. */
async function ensureDriftChecks() {
  if ((await bgpPollInterval()) === 0) {
    await cancelRecurring(db(), CONFIG_DRIFT.name, 'BGP polling was turned off (interval 0)');
    return;
  }
  const [any] = await checkableSessions().limit(1);
  if (!any) return;
  await keepRecurring(db(), CONFIG_DRIFT.name, DRIFT_INTERVAL_SECONDS, `Configuration drift check (every ${DRIFT_INTERVAL_SECONDS / 60} min)`);
}

export const configDriftKind: JobKind = { ...CONFIG_DRIFT, payload: z.object({}), run: configDriftJob, recurring: ensureDriftChecks };

/**
 * After a push: when a session it touched has an open config_drift finding (the re-push remedy), the
 * drift check runs now rather than at its next quarter hour, so the finding resolves as the fix lands.
 */
export async function checkDriftSoon(sessionIds: number[]) {
  if (!sessionIds.length) return;
  const [open] = await db()
    .select({ id: findings.id })
    .from(findings)
    .where(and(eq(findings.kind, 'config_drift'), isNull(findings.resolvedAt), inArray(findings.sessionId, sessionIds)))
    .limit(1);
  if (open) await enqueueOrBringForward(db(), { kind: CONFIG_DRIFT.name, summary: 'Configuration drift check (after a push)' });
}
