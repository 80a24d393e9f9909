import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { bgpSessions, routers, sessionRoutes, type ReceivedRoute } from '@/db/schema';
import { PushError } from '@/lib/config/drivers/types';
import { connectRouter, RouterConnectionError } from '@/lib/config/transport';
import { ServiceError, notFound } from '@/lib/errors';
import { ipFamily } from '@/lib/sessions/ip';
import { currentList } from './prefix-lists';
import { originOf, originValidation } from './rpki';
import { frrNeighborRoutes } from './routes-frr';

export type RouteCounts = { received: number; accepted: number; invalid: number; unlisted: number };

function countRoutes(routes: ReceivedRoute[]): RouteCounts {
  return {
    received: routes.length,
    accepted: routes.filter((r) => r.accepted).length,
    invalid: routes.filter((r) => r.rpki === 'invalid').length,
    unlisted: routes.filter((r) => r.irr === 'unlisted').length,
  };
}

/** Why a route was not accepted, in the operator's words (the Routes tab). */
export function rejectionReason(r: ReceivedRoute): string | null {
  if (r.accepted) return null;
  const reasons = [];
  if (r.rpki === 'invalid') reasons.push('RPKI invalid');
  if (r.irr === 'unlisted') reasons.push('not in the IRR prefix list');
  return reasons.length ? reasons.join(', ') : 'refused by the import policy';
}

async function loadSession(sessionId: number) {
  const [row] = await db()
    .select({ session: bgpSessions, router: routers })
    .from(bgpSessions)
    .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
    .where(and(eq(bgpSessions.id, sessionId), isNull(bgpSessions.removedAt)));
  if (!row) throw notFound('Session');
  return row;
}

/** The routes last read for a session, or null when they never were. */
export async function storedRoutes(sessionId: number) {
  const [row] = await db().select().from(sessionRoutes).where(eq(sessionRoutes.sessionId, sessionId));
  return row ? { sessionId, readAt: row.readAt, routes: row.routes, counts: countRoutes(row.routes) } : null;
}

/**
 * Reads what the peer sends from the router now (FRR), marks each route with its RPKI state (the
 * router's ROAs), whether the peer's IRR list covers it and whether the router accepted it, and keeps
 * the result for the session list's counts. Outside any transaction: it talks to the router.
 */
export async function readSessionRoutes(sessionId: number) {
  const { session, router } = await loadSession(sessionId);
  if (router.platform !== 'frr') throw new ServiceError('unavailable', `Reading received routes is supported on FRR routers; ${router.name} is ${router.platform}`);
  const family = ipFamily(session.peerIp) ?? 4;
  let found;
  try {
    const conn = await connectRouter(router);
    try {
      found = await frrNeighborRoutes(conn, router, session.peerIp, family);
    } finally {
      await conn.close();
    }
  } catch (err) {
    if (err instanceof RouterConnectionError || err instanceof PushError) throw new ServiceError('unavailable', `${router.name}: ${err.message}`);
    throw err;
  }
  const list = await currentList(db(), session.peerAsn, family);
  const listed = new Set(list?.prefixes ?? []);
  const routes: ReceivedRoute[] = found.received.map(({ prefix, asPath }) => {
    const origin = originOf(asPath);
    return { prefix, asPath, origin, rpki: originValidation(prefix, origin, found.roas), irr: listed.has(prefix) ? 'listed' : 'unlisted', accepted: found.accepted.has(prefix) };
  });
  const counts = countRoutes(routes);
  const readAt = new Date();
  await db()
    .insert(sessionRoutes)
    .values({ sessionId, routes, ...counts, readAt })
    .onConflictDoUpdate({ target: sessionRoutes.sessionId, set: { routes, ...counts, readAt } });
  return { sessionId, readAt, routes, counts };
}
