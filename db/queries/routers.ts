import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { bgpSessions, pdbExchanges, peerGroups, routers, type Router } from '@/db/schema';

/**
 * Everything about a router that a page or an API client may see. The encrypted credentials are
 * never selected here: only whether each is set.
 */
const publicRouterColumns = {
  id: routers.id,
  name: routers.name,
  hostname: routers.hostname,
  managementAddress: routers.managementAddress,
  sshPort: routers.sshPort,
  platform: routers.platform,
  transport: routers.transport,
  username: routers.username,
  hasPassword: sql<boolean>`(routers.password_enc is not null)`,
  hasPrivateKey: sql<boolean>`(routers.private_key_enc is not null)`,
  hostKey: routers.hostKey,
  pendingHostKey: routers.pendingHostKey,
  localAsn: routers.localAsn,
  vrf: routers.vrf,
  controlCommand: routers.controlCommand,
  peersDir: routers.peersDir,
  production: routers.production,
  maintenanceWindows: routers.maintenanceWindows,
  lastContactAt: routers.lastContactAt,
  lastContactResult: routers.lastContactResult,
  createdAt: routers.createdAt,
  updatedAt: routers.updatedAt,
};

export type PublicRouter = NonNullable<Awaited<ReturnType<typeof getRouter>>>;

// Subqueries name their tables in full: drizzle leaves single-table columns unqualified.
const liveSessions = sql<number>`(select count(*)::int from bgp_sessions b where b.router_id = routers.id and b.removed_at is null)`;

export async function listRouters(db: Executor, params: { q?: string; limit: number; offset: number }) {
  const like = params.q && `%${params.q}%`;
  const where = like
    ? sql`(${routers.name} ilike ${like} or ${routers.hostname} ilike ${like} or ${routers.managementAddress} ilike ${like} or ${routers.platform}::text ilike ${like})`
    : undefined;
  return db
    .select({ ...publicRouterColumns, sessions: liveSessions })
    .from(routers)
    .where(where)
    .orderBy(asc(routers.name), asc(routers.id))
    .limit(params.limit)
    .offset(params.offset);
}

export async function getRouter(db: Executor, id: number) {
  const [row] = await db.select({ ...publicRouterColumns, sessions: liveSessions }).from(routers).where(eq(routers.id, id));
  return row;
}

/** The whole row, credentials included, for connecting. Server-only: never hand it to a page or a response. */
export async function findRouterForConnection(db: Executor, id: number): Promise<Router | undefined> {
  const [row] = await db.select().from(routers).where(eq(routers.id, id));
  return row;
}

export async function findRouterByName(db: Executor, name: string) {
  const [row] = await db.select({ id: routers.id }).from(routers).where(sql`lower(${routers.name}) = lower(${name})`);
  return row;
}

/** Sessions on the router (removed ones left out), for refusing a delete. */
export async function countRouterSessions(db: Executor, routerId: number) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(bgpSessions).where(and(eq(bgpSessions.routerId, routerId), isNull(bgpSessions.removedAt)));
  return row.n;
}

export async function listPeerGroups(
  db: Executor,
  routerId: number,
  params: { limit: number; offset: number } = { limit: 500, offset: 0 },
) {
  return db
    .select({
      id: peerGroups.id,
      routerId: peerGroups.routerId,
      ixId: peerGroups.ixId,
      exchangeName: pdbExchanges.name,
      name: peerGroups.name,
      family: peerGroups.family,
      sessions: sql<number>`(select count(*)::int from bgp_sessions b where b.peer_group_id = peer_groups.id and b.removed_at is null)`,
      createdAt: peerGroups.createdAt,
    })
    .from(peerGroups)
    .leftJoin(pdbExchanges, eq(pdbExchanges.id, peerGroups.ixId))
    .where(eq(peerGroups.routerId, routerId))
    .orderBy(asc(pdbExchanges.name), asc(peerGroups.name), asc(peerGroups.family))
    .limit(params.limit)
    .offset(params.offset);
}

export async function findPeerGroup(db: Executor, id: number) {
  const [row] = await db.select().from(peerGroups).where(eq(peerGroups.id, id));
  return row;
}

export async function countPeerGroupSessions(db: Executor, peerGroupId: number) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(bgpSessions).where(and(eq(bgpSessions.peerGroupId, peerGroupId), isNull(bgpSessions.removedAt)));
  return row.n;
}
