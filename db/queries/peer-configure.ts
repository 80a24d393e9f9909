import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { bgpSessions, peerGroups, routers, type SessionType } from '@/db/schema';
import { peerFacts, sharedExchanges } from './peer-details';

export type ConfigureRow = {
  ixId: number;
  exchange: string;
  family: 4 | 6;
  peerIp: string;
  ourIp: string | null;
  localAsn: number;
  routerId: number | null;
  peerGroupId: number | null;
  type: SessionType;
  /** The live session some router already has with this address, if any. */
  existingSessionId: number | null;
};

/**
 * Configure Multiple Sessions' rows: one per shared exchange and address family the peer has an
 * address in, defaulted to our router facing that exchange (the one with a peer group there in that
 * family), that peer group, and Route server when PeeringDB says the network is one.
 */
export async function configureRows(db: Executor, asn: number) {
  const [facts, shared, routerList, groups, sessions] = await Promise.all([
    peerFacts(db, asn),
    sharedExchanges(db, asn),
    db.select({ id: routers.id, name: routers.name, localAsn: routers.localAsn }).from(routers).orderBy(asc(routers.name), asc(routers.id)),
    db
      .select({ id: peerGroups.id, routerId: peerGroups.routerId, ixId: peerGroups.ixId, name: peerGroups.name, family: peerGroups.family })
      .from(peerGroups)
      .orderBy(asc(peerGroups.name), asc(peerGroups.id)),
    db
      .select({ id: bgpSessions.id, peerIp: sql<string>`host(${bgpSessions.peerIp})` })
      .from(bgpSessions)
      .where(and(eq(bgpSessions.peerAsn, asn), isNull(bgpSessions.removedAt))),
  ]);
  const type: SessionType = facts?.infoType === 'Route Server' ? 'route_server' : 'peer';
  const rows: ConfigureRow[] = [];
  const seen = new Set<string>();
  for (const x of shared) {
    for (const family of [4, 6] as const) {
      const peerIp = family === 4 ? x.peerIp4 : x.peerIp6;
      if (!peerIp || seen.has(`${x.ixId}/${peerIp}`)) continue;
      seen.add(`${x.ixId}/${peerIp}`);
      const group = groups.find((g) =>
        g.ixId === x.ixId && g.family === family && routerList.some((r) => r.id === g.routerId && r.localAsn === x.localAsn));
      const router = group ? routerList.find((r) => r.id === group.routerId) : routerList.find((r) => r.localAsn === x.localAsn);
      rows.push({
        ixId: x.ixId,
        exchange: x.name,
        family,
        peerIp,
        ourIp: family === 4 ? x.ourIp4 : x.ourIp6,
        localAsn: x.localAsn,
        routerId: router?.id ?? null,
        peerGroupId: group?.id ?? null,
        type,
        existingSessionId: sessions.find((s) => s.peerIp === peerIp)?.id ?? null,
      });
    }
  }
  return { name: facts?.name ?? null, rows, routers: routerList, peerGroups: groups };
}

export type ConfigureChoices = Awaited<ReturnType<typeof configureRows>>;
