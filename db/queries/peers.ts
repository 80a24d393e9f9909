import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { bgpSessions, type ConfigStatus } from '@/db/schema';
import { asnFromQuery } from './sessions';

const peerName = sql<string | null>`coalesce((select n.name from pdb_net n where n.asn = bgp_sessions.peer_asn and n.status = 'ok'
  order by n.id limit 1), max(bgp_sessions.peer_name))`;

/**
 * Every network we have a (live) session with, one row per peer ASN. Filters keep the whole peer:
 * a peer with a session at the chosen exchange still shows all of its exchanges.
 */
export async function listPeers(db: Executor, params: { q?: string; ixId?: number; localAsn?: number; limit: number; offset: number }) {
  const asn = params.q ? asnFromQuery(params.q) : undefined;
  return db
    .select({
      asn: bgpSessions.peerAsn,
      name: peerName,
      exchanges: sql<{ id: number; name: string }[]>`coalesce((select json_agg(json_build_object('id', x.id, 'name', x.name) order by x.name)
        from pdb_ix x where x.id in (select b.ix_id from bgp_sessions b where b.peer_asn = bgp_sessions.peer_asn and b.removed_at is null)), '[]'::json)`,
      hasPrivate: sql<boolean>`bool_or(bgp_sessions.ix_id is null)`,
      sessions: sql<number>`count(*)::int`,
      configStatuses: sql<Partial<Record<ConfigStatus, number>>>`(select json_object_agg(t.status, t.n) from (select b.config_status as status,
        count(*)::int as n from bgp_sessions b where b.peer_asn = bgp_sessions.peer_asn and b.removed_at is null group by b.config_status) t)`,
    })
    .from(bgpSessions)
    .where(and(isNull(bgpSessions.removedAt), asn !== undefined ? eq(bgpSessions.peerAsn, asn) : undefined))
    .groupBy(bgpSessions.peerAsn)
    .having(
      and(
        params.q && asn === undefined ? sql`${peerName} ilike ${`%${params.q}%`}` : undefined,
        params.ixId ? sql`bool_or(${bgpSessions.ixId} = ${params.ixId})` : undefined,
        params.localAsn ? sql`bool_or(${bgpSessions.localAsn} = ${params.localAsn})` : undefined,
      ),
    )
    .orderBy(asc(bgpSessions.peerAsn))
    .limit(params.limit)
    .offset(params.offset);
}
