import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { bgpSessions, localAsns, pdbExchanges, pdbNetIxlans, peerStatuses, routers, type PeerStatus } from '@/db/schema';

// Correlated subqueries are written out with their own aliases: drizzle leaves column names
// unqualified in single-table selects, which would make them bind to the inner table.
const ourAsns = sql.raw('(select asn from local_asns)');

const prefixesOf = (family: 4 | 6) =>
  sql<string[]>`coalesce((select json_agg(p.prefix::text order by p.prefix) from pdb_ixpfx p join pdb_ixlan l on l.id = p.ixlan_id
    where l.ix_id = pdb_ix.id and l.status = 'ok' and p.status = 'ok' and family(p.prefix) = ${family}), '[]'::json)`;

/** Existing or Approved for any of our ASNs. */
const currentPeers = sql<number>`(select count(distinct s.peer_asn)::int from peer_statuses s
  where s.ix_id = pdb_ix.id and s.local_asn in ${ourAsns} and s.status in ('existing', 'approved'))`;

/** Present at the IX, neither current nor turned down (Not Qualified / Rejected) for any of our ASNs. */
const unapprovedPeers = sql<number>`(select count(distinct m.asn)::int from pdb_netixlan m
  where m.ix_id = pdb_ix.id and m.status = 'ok' and m.asn not in ${ourAsns}
  and not exists (select 1 from peer_statuses s where s.ix_id = m.ix_id and s.peer_asn = m.asn
    and s.local_asn in ${ourAsns} and s.status in ('existing', 'approved', 'not_qualified', 'rejected')))`;

const sessionCount = sql<number>`(select count(*)::int from bgp_sessions b where b.ix_id = pdb_ix.id and b.removed_at is null)`;

const exchangeColumns = {
  id: pdbExchanges.id,
  name: pdbExchanges.name,
  nameLong: pdbExchanges.nameLong,
  city: pdbExchanges.city,
  country: pdbExchanges.country,
  prefixes4: prefixesOf(4),
  prefixes6: prefixesOf(6),
  currentPeers,
  unapprovedPeers,
  sessions: sessionCount,
};

const contains = (column: AnyPgColumn, q: string) => sql`${column} ilike ${`%${q}%`}`;

/** The exchanges where one of our ASNs has a (live) PeeringDB connection, with the coordinator's counts. */
export async function listExchanges(db: Executor, params: { q?: string; limit: number; offset: number }) {
  const present = sql`${pdbExchanges.id} in (select m.ix_id from pdb_netixlan m where m.asn in ${ourAsns} and m.status = 'ok')`;
  const q = params.q;
  const matches = q
    ? sql`(${contains(pdbExchanges.name, q)} or ${contains(pdbExchanges.nameLong, q)} or ${contains(pdbExchanges.city, q)} or ${contains(pdbExchanges.country, q)})`
    : undefined;
  return db
    .select(exchangeColumns)
    .from(pdbExchanges)
    .where(and(eq(pdbExchanges.status, 'ok'), present, matches))
    .orderBy(asc(pdbExchanges.name), asc(pdbExchanges.id))
    .limit(params.limit)
    .offset(params.offset);
}

/** One exchange (any PeeringDB status) with our own connections there; undefined when unknown. */
export async function getExchange(db: Executor, ixId: number) {
  const [exchange] = await db
    .select({
      ...exchangeColumns,
      regionContinent: pdbExchanges.regionContinent,
      website: pdbExchanges.website,
      pdbStatus: pdbExchanges.status,
    })
    .from(pdbExchanges)
    .where(eq(pdbExchanges.id, ixId));
  if (!exchange) return undefined;
  const connections = await db
    .select({
      localAsn: pdbNetIxlans.asn,
      ipaddr4: pdbNetIxlans.ipaddr4,
      ipaddr6: pdbNetIxlans.ipaddr6,
      speed: pdbNetIxlans.speed,
      isRsPeer: pdbNetIxlans.isRsPeer,
    })
    .from(pdbNetIxlans)
    .where(and(eq(pdbNetIxlans.ixId, ixId), eq(pdbNetIxlans.status, 'ok'), sql`${pdbNetIxlans.asn} in ${ourAsns}`))
    .orderBy(asc(pdbNetIxlans.asn), asc(pdbNetIxlans.id));
  return { ...exchange, connections };
}

export type ExchangeDetails = NonNullable<Awaited<ReturnType<typeof getExchange>>>;

/** "AS64500" or "64500" -> 64500; anything else is a name to search for. */
function asnFromQuery(q: string): number | undefined {
  const digits = /^(?:AS)?(\d{1,10})$/i.exec(q.trim())?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/**
 * Every other network at the exchange, one row per PeeringDB connection. With several local ASNs
 * the status shown is the lowest local ASN's: one row cannot carry one status per local ASN.
 */
export async function listExchangeNetworks(
  db: Executor,
  ixId: number,
  params: { q?: string; status?: PeerStatus; policy?: string; limit: number; offset: number },
) {
  const statusOfFirstAsn = sql`${peerStatuses.localAsn} = (select min(asn) from local_asns)`;
  const peerStatus = sql<PeerStatus>`coalesce(${peerStatuses.status}, 'new')`;
  const asn = params.q ? asnFromQuery(params.q) : undefined;
  // The network's name and policy by primary key, row by row: a join lets the planner read all of pdb_net for a later page of a large
  // exchange.
  const networkName = sql<string | null>`(select n.name from pdb_net n where n.id = pdb_netixlan.net_id)`;
  const networkPolicy = sql<string | null>`(select n.policy_general from pdb_net n where n.id = pdb_netixlan.net_id)`;
  const matches: SQL | undefined = !params.q ? undefined : asn !== undefined ? eq(pdbNetIxlans.asn, asn) : sql`${networkName} ilike ${`%${params.q}%`}`;
  return db
    .select({
      asn: pdbNetIxlans.asn,
      name: networkName,
      ipaddr4: pdbNetIxlans.ipaddr4,
      ipaddr6: pdbNetIxlans.ipaddr6,
      policy: networkPolicy,
      isRsPeer: pdbNetIxlans.isRsPeer,
      status: peerStatus,
      sessions: sql<number>`(select count(*)::int from bgp_sessions b where b.ix_id = pdb_netixlan.ix_id
        and b.peer_asn = pdb_netixlan.asn and b.removed_at is null)`,
      lastNote: sql<string | null>`(select n.comment from peer_notes n where n.peer_asn = pdb_netixlan.asn
        and n.ix_id = pdb_netixlan.ix_id and n.comment is not null order by n.at desc, n.id desc limit 1)`,
    })
    .from(pdbNetIxlans)
    .leftJoin(peerStatuses, and(eq(peerStatuses.ixId, pdbNetIxlans.ixId), eq(peerStatuses.peerAsn, pdbNetIxlans.asn), statusOfFirstAsn))
    .where(
      and(
        eq(pdbNetIxlans.ixId, ixId),
        eq(pdbNetIxlans.status, 'ok'),
        sql`${pdbNetIxlans.asn} not in ${ourAsns}`,
        matches,
        params.status ? sql`${peerStatus} = ${params.status}` : undefined,
        params.policy ? sql`${networkPolicy} = ${params.policy}` : undefined,
      ),
    )
    .orderBy(asc(pdbNetIxlans.asn), asc(pdbNetIxlans.id))
    .limit(params.limit)
    .offset(params.offset);
}

/** Our BGP sessions facing the exchange (removed ones left out). */
export async function listExchangeSessions(db: Executor, ixId: number, params: { limit: number; offset: number }) {
  return db
    .select({
      id: bgpSessions.id,
      routerId: bgpSessions.routerId,
      routerName: routers.name,
      localAsn: bgpSessions.localAsn,
      peerAsn: bgpSessions.peerAsn,
      peerName: sql<string | null>`coalesce(bgp_sessions.peer_name, (select n.name from pdb_net n
        where n.asn = bgp_sessions.peer_asn and n.status = 'ok' order by n.id limit 1))`,
      peerIp: bgpSessions.peerIp,
      localIp: bgpSessions.localIp,
      type: bgpSessions.type,
      configStatus: bgpSessions.configStatus,
      configError: bgpSessions.configError,
      bgpState: bgpSessions.bgpState,
      prefixesReceived: bgpSessions.prefixesReceived,
    })
    .from(bgpSessions)
    .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
    .where(and(eq(bgpSessions.ixId, ixId), isNull(bgpSessions.removedAt)))
    .orderBy(asc(bgpSessions.peerAsn), asc(bgpSessions.peerIp), asc(bgpSessions.id))
    .limit(params.limit)
    .offset(params.offset);
}

/** Each local ASN as PeeringDB knows it: the network's name and the exchanges it is present at. */
export async function listSourceNetworks(db: Executor) {
  return db
    .select({
      asn: localAsns.asn,
      name: sql<string | null>`(select n.name from pdb_net n where n.asn = local_asns.asn and n.status = 'ok' order by n.id limit 1)`,
      exchanges: sql<{ id: number; name: string }[]>`coalesce((select json_agg(json_build_object('id', x.id, 'name', x.name) order by x.name)
        from pdb_ix x where x.status = 'ok' and x.id in (select m.ix_id from pdb_netixlan m where m.asn = local_asns.asn and m.status = 'ok')), '[]'::json)`,
    })
    .from(localAsns)
    .orderBy(asc(localAsns.asn));
}

/** The exchange's id and name, or undefined when PeeringDB has no such exchange. */
export async function findExchange(db: Executor, ixId: number) {
  const [row] = await db.select({ id: pdbExchanges.id, name: pdbExchanges.name }).from(pdbExchanges).where(eq(pdbExchanges.id, ixId));
  return row;
}

/** Whether any PeeringDB data has been synced, so an empty list can say which step is missing. */
export async function hasPeeringDbData(db: Executor) {
  const rows = await db.select({ id: pdbExchanges.id }).from(pdbExchanges).limit(1);
  return rows.length > 0;
}
