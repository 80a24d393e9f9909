import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { bgpSessions, configPushes, pdbExchanges, pdbNetIxlans, pdbNetworks, peerGroups, routers, users, type ConfigStatus, type Platform, type SessionType } from '@/db/schema';

/** "AS64500" or "64500" -> 64500; anything else is a name to search for. */
export function asnFromQuery(q: string): number | undefined {
  const digits = /^(?:AS)?(\d{1,10})$/i.exec(q.trim())?.[1];
  return digits === undefined ? undefined : Number(digits);
}

const peerName = sql<string | null>`coalesce(bgp_sessions.peer_name, (select n.name from pdb_net n
  where n.asn = bgp_sessions.peer_asn and n.status = 'ok' order by n.id limit 1))`;

/** What a browser or API client may see of a session: never the MD5 key, only whether one is set. */
const sessionColumns = {
  id: bgpSessions.id,
  routerId: bgpSessions.routerId,
  routerName: routers.name,
  ixId: bgpSessions.ixId,
  exchangeName: pdbExchanges.name,
  peerGroupId: bgpSessions.peerGroupId,
  peerGroupName: peerGroups.name,
  localAsn: bgpSessions.localAsn,
  peerAsn: bgpSessions.peerAsn,
  peerName,
  peerIp: bgpSessions.peerIp,
  localIp: bgpSessions.localIp,
  family: sql<4 | 6>`family(bgp_sessions.peer_ip)`,
  type: bgpSessions.type,
  hasMd5: sql<boolean>`(bgp_sessions.md5_enc is not null)`,
  maxPrefixes: bgpSessions.maxPrefixes,
  prefixesReceived: bgpSessions.prefixesReceived,
  /** The received routes as last read (Routes tab): how many were accepted, RPKI invalid, outside the IRR list. */
  routes: sql<{ received: number; accepted: number; invalid: number; unlisted: number } | null>`(
    select json_build_object('received', r.received, 'accepted', r.accepted, 'invalid', r.invalid, 'unlisted', r.unlisted)
    from session_routes r where r.session_id = bgp_sessions.id)`,
  configStatus: bgpSessions.configStatus,
  configError: bgpSessions.configError,
  bgpState: bgpSessions.bgpState,
  bgpStateChangedAt: bgpSessions.bgpStateChangedAt,
  bgpLastError: bgpSessions.bgpLastError,
  adminDown: bgpSessions.adminDown,
  uptimeSeconds: bgpSessions.uptimeSeconds,
  lastPolledAt: bgpSessions.lastPolledAt,
  description: bgpSessions.description,
  notes: bgpSessions.notes,
  removedAt: bgpSessions.removedAt,
  createdAt: bgpSessions.createdAt,
  updatedAt: bgpSessions.updatedAt,
};

/** The list's filters, parsed by `sessionFilters` (lib/sessions/schemas.ts). bgpState `none`: never polled. */
export type SessionFilters = {
  ixId?: number | 'none';
  routerId?: number;
  localAsn?: number;
  peerAsn?: number;
  family?: '4' | '6';
  type?: SessionType;
  configStatus?: ConfigStatus;
  bgpState?: string;
};

function filterConditions(f: SessionFilters & { q?: string }): (SQL | undefined)[] {
  const asn = f.q ? asnFromQuery(f.q) : undefined;
  return [
    // Removed sessions stay on record but leave the list unless asked for.
    f.configStatus === 'removed' ? undefined : isNull(bgpSessions.removedAt),
    f.configStatus ? eq(bgpSessions.configStatus, f.configStatus) : undefined,
    !f.q ? undefined : asn !== undefined ? eq(bgpSessions.peerAsn, asn) : sql`${peerName} ilike ${`%${f.q}%`}`,
    f.ixId === 'none' ? isNull(bgpSessions.ixId) : f.ixId ? eq(bgpSessions.ixId, f.ixId) : undefined,
    f.routerId ? eq(bgpSessions.routerId, f.routerId) : undefined,
    f.localAsn ? eq(bgpSessions.localAsn, f.localAsn) : undefined,
    f.peerAsn ? eq(bgpSessions.peerAsn, f.peerAsn) : undefined,
    f.family ? sql`family(${bgpSessions.peerIp}) = ${Number(f.family)}` : undefined,
    f.type ? eq(bgpSessions.type, f.type) : undefined,
    !f.bgpState ? undefined : f.bgpState === 'none' ? isNull(bgpSessions.bgpState) : sql`lower(${bgpSessions.bgpState}) = lower(${f.bgpState})`,
  ];
}

function selectSessions(db: Executor) {
  return db
    .select(sessionColumns)
    .from(bgpSessions)
    .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
    .leftJoin(pdbExchanges, eq(pdbExchanges.id, bgpSessions.ixId))
    .leftJoin(peerGroups, eq(peerGroups.id, bgpSessions.peerGroupId));
}

/** The Sessions subtab and GET /sessions: filtered and paged in SQL, by peer then address. */
export async function listSessions(db: Executor, params: SessionFilters & { q?: string; limit: number; offset: number }) {
  return selectSessions(db)
    .where(and(...filterConditions(params)))
    .orderBy(asc(bgpSessions.peerAsn), asc(bgpSessions.peerIp), asc(routers.name), asc(bgpSessions.id))
    .limit(params.limit)
    .offset(params.offset);
}

export type SessionView = Awaited<ReturnType<typeof listSessions>>[number];

/** The sessions a job covers (removed ones too: a removal job's sessions end up removed), at most `limit`. */
export async function sessionsByIds(db: Executor, ids: number[], limit = 50) {
  if (!ids.length) return [];
  return selectSessions(db)
    .where(inArray(bgpSessions.id, ids.slice(0, limit)))
    .orderBy(asc(routers.name), asc(bgpSessions.peerAsn), asc(bgpSessions.peerIp));
}

/** One session, removed or not; undefined when there is none. */
export async function getSession(db: Executor, id: number): Promise<SessionView | undefined> {
  const [row] = await selectSessions(db).where(eq(bgpSessions.id, id));
  return row;
}

/** The configuration pushes that carried this session, newest first. */
export async function listSessionPushes(db: Executor, sessionId: number) {
  return db
    .select({
      id: configPushes.id,
      routerName: routers.name,
      operation: configPushes.operation,
      status: configPushes.status,
      error: configPushes.error,
      diff: configPushes.diff,
      output: configPushes.output,
      renderedConfig: configPushes.renderedConfig,
      editedConfig: configPushes.editedConfig,
      actor: users.email,
      createdAt: configPushes.createdAt,
      finishedAt: configPushes.finishedAt,
    })
    .from(configPushes)
    .innerJoin(routers, eq(routers.id, configPushes.routerId))
    .leftJoin(users, eq(users.id, configPushes.actorId))
    .where(sql`${configPushes.sessionIds} @> ${JSON.stringify([sessionId])}::jsonb`)
    .orderBy(desc(configPushes.createdAt), desc(configPushes.id))
    .limit(100);
}

/**
 * The wizard's PeeringDB lookup: networks at the exchange whose ASN is q or whose name contains it,
 * with their addresses there. For a private session (no exchange), any network, without addresses.
 */
export async function peerCandidates(db: Executor, ixId: number | null, q: string) {
  const asn = asnFromQuery(q);
  const nameMatches = sql`${pdbNetworks.name} ilike ${`%${q.trim()}%`}`;
  const ours = (column: AnyPgColumn) => sql`${column} not in (select asn from local_asns)`;
  const prefixes = { infoPrefixes4: pdbNetworks.infoPrefixes4, infoPrefixes6: pdbNetworks.infoPrefixes6 };
  if (ixId === null) {
    return db
      .select({ asn: pdbNetworks.asn, name: pdbNetworks.name, ipaddr4: sql<string | null>`null`, ipaddr6: sql<string | null>`null`, ...prefixes })
      .from(pdbNetworks)
      .where(and(eq(pdbNetworks.status, 'ok'), ours(pdbNetworks.asn), asn !== undefined ? eq(pdbNetworks.asn, asn) : nameMatches))
      .orderBy(asc(pdbNetworks.asn), asc(pdbNetworks.id))
      .limit(20);
  }
  return db
    .select({ asn: pdbNetIxlans.asn, name: pdbNetworks.name, ipaddr4: pdbNetIxlans.ipaddr4, ipaddr6: pdbNetIxlans.ipaddr6, ...prefixes })
    .from(pdbNetIxlans)
    .leftJoin(pdbNetworks, eq(pdbNetworks.id, pdbNetIxlans.netId))
    .where(
      and(
        eq(pdbNetIxlans.ixId, ixId),
        eq(pdbNetIxlans.status, 'ok'),
        ours(pdbNetIxlans.asn),
        asn !== undefined ? eq(pdbNetIxlans.asn, asn) : nameMatches,
      ),
    )
    .orderBy(asc(pdbNetIxlans.asn), asc(pdbNetIxlans.id))
    .limit(20);
}

export type PeerCandidate = Awaited<ReturnType<typeof peerCandidates>>[number];

/** Configured sessions on routers of these platforms that Peerdesk connects to (not render-only): what a poll or a drift check reads. */
export function configuredSessionsOnReachableRouters(db: Executor, platforms: readonly Platform[]) {
  return db
    .select({ id: bgpSessions.id })
    .from(bgpSessions)
    .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
    .where(and(eq(bgpSessions.configStatus, 'configured'), isNull(bgpSessions.removedAt), inArray(routers.platform, [...platforms]), sql`${routers.transport} <> 'none'`));
}
