import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { bgpSessions, type ConfigStatus, type PeerStatus } from '@/db/schema';
import { asnFromQuery } from './sessions';
import { limitOffset } from '@/db/queries/paging';

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

export type PeerStatusEntry = { ixId: number; name: string; localAsn: number; status: PeerStatus };
export type PeerListRow = {
  asn: number;
  name: string | null;
  statuses: PeerStatusEntry[];
  sessions: number;
  notes: number;
  lastNote: { at: string; kind: string; comment: string | null; fromStatus: PeerStatus | null; toStatus: PeerStatus | null } | null;
};

/**
 * Where we stand with peer `p.asn`, one entry per (exchange, local ASN): every status other than New,
 * and New for an exchange where we have a live session but no status yet.
 */
const statusEntries = sql`(select s.ix_id, s.local_asn, s.status from peer_statuses s where s.peer_asn = p.asn and s.status <> 'new'
  union select distinct b.ix_id, b.local_asn, 'new'::peer_status from bgp_sessions b
  where b.peer_asn = p.asn and b.removed_at is null and b.ix_id is not null and not exists (select 1 from peer_statuses s
    where s.peer_asn = b.peer_asn and s.ix_id = b.ix_id and s.local_asn = b.local_asn and s.status <> 'new'))`;

export type PeerListFilters = { q?: string; status?: PeerStatus; ixId?: number; localAsn?: number };

/**
 * The Peers subtab and GET /peers: every network we have a live session with, a status other than
 * New, or a note about; with its status per exchange. Filters and paging run in SQL; the status,
 * exchange and local ASN filters must hold together for one (exchange, local ASN) entry.
 */
export async function listPeerOverview(db: Executor, params: PeerListFilters & { limit: number; offset: number }): Promise<PeerListRow[]> {
  const asn = params.q ? asnFromQuery(params.q) : undefined;
  const name = sql`coalesce((select n.name from pdb_net n where n.asn = p.asn and n.status = 'ok' order by n.id limit 1),
    (select max(b.peer_name) from bgp_sessions b where b.peer_asn = p.asn))`;
  const entryFilter = params.status || params.ixId || params.localAsn;
  const conditions = [
    !params.q ? undefined : asn !== undefined ? sql`p.asn = ${asn}` : sql`${name} ilike ${`%${params.q}%`}`,
    !entryFilter
      ? undefined
      : sql`exists (select 1 from ${statusEntries} e where true
          ${params.status ? sql`and e.status = ${params.status}` : sql``}
          ${params.ixId ? sql`and e.ix_id = ${params.ixId}` : sql``}
          ${params.localAsn ? sql`and e.local_asn = ${params.localAsn}` : sql``})`,
  ].filter((c) => c !== undefined);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const result = await db.execute(sql`
    with p as (
      select peer_asn as asn from bgp_sessions where removed_at is null
      union select peer_asn from peer_statuses where status <> 'new'
      union select peer_asn from peer_notes)
    select p.asn::bigint as "asn", ${name} as "name",
      coalesce((select json_agg(json_build_object('ixId', e.ix_id, 'name', coalesce(x.name, 'Exchange ' || e.ix_id),
        'localAsn', e.local_asn, 'status', e.status) order by x.name, e.ix_id, e.local_asn)
        from ${statusEntries} e left join pdb_ix x on x.id = e.ix_id), '[]'::json) as "statuses",
      (select count(*)::int from bgp_sessions b where b.peer_asn = p.asn and b.removed_at is null) as "sessions",
      (select count(*)::int from peer_notes n where n.peer_asn = p.asn) as "notes",
      (select json_build_object('at', n.at, 'kind', n.kind, 'comment', n.comment, 'fromStatus', n.from_status, 'toStatus', n.to_status)
        from peer_notes n where n.peer_asn = p.asn order by n.at desc, n.id desc limit 1) as "lastNote"
    from p ${where}
    order by p.asn
    ${limitOffset(params.limit, params.offset)}`);
  // PGlite and node-postgres both answer execute() with { rows }.
  const rows = (result as unknown as { rows: (Omit<PeerListRow, 'asn'> & { asn: number | string })[] }).rows;
  return rows.map((row) => ({ ...row, asn: Number(row.asn), statuses: row.statuses.map((e) => ({ ...e, localAsn: Number(e.localAsn) })) }));
}
