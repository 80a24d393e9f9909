import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { scoreOpportunity, type OpportunityFacts } from './score';

export type OpportunityFilters = { ixId?: number; policy?: string; minScore?: number; q?: string; limit: number; offset: number };
export type Opportunity = {
  peerAsn: number;
  name: string;
  score: number;
  reasons: string[];
  ixIds: number[];
  policy: string | null;
  rsPeer: boolean;
  infoType: string | null;
};

type Row = Omit<OpportunityFacts, 'sharedExchanges' | 'sharedFacilities'> & { asn: number; name: string; ixIds: number[]; sharedFacilities: number; rsAny: boolean };

/**
 * Networks at our exchanges that we have no session with and have not settled with: any status
 * other than New (asked, approved, rejected, not qualified) or a don't-ask date in the future keeps a
 * network out. The facts come in one set-based query; the score (score.ts) is computed per row.
 */
async function candidates(db: Executor, ixId?: number): Promise<Row[]> {
  const result = await db.execute(sql`
    with ours as (select distinct m.ix_id from pdb_netixlan m where m.asn in (select asn from local_asns)),
    our_facs as (select distinct f.fac_id from pdb_netfac f join pdb_net n on n.id = f.net_id where n.asn in (select asn from local_asns)),
    cand as (
      select m.asn, array_agg(distinct m.ix_id) as ix_ids, bool_and(coalesce(m.is_rs_peer, false)) as rs_everywhere, bool_or(coalesce(m.is_rs_peer, false)) as rs_any
      from pdb_netixlan m join ours o on o.ix_id = m.ix_id
      where m.asn not in (select asn from local_asns)
        and not exists (select 1 from bgp_sessions s where s.peer_asn = m.asn and s.removed_at is null)
        and not exists (select 1 from peer_statuses p where p.peer_asn = m.asn and (p.status <> 'new' or p.do_not_ask_until > now()))
      group by m.asn
      having ${ixId ?? null}::int is null or ${ixId ?? null}::int = any(array_agg(m.ix_id))
    )
    select c.asn::float8 as asn, n.name, c.ix_ids as "ixIds", c.rs_everywhere as "rsEverywhere", c.rs_any as "rsAny",
      n.policy_general as policy, n.info_type as "infoType", n.info_traffic as "infoTraffic", n.info_ratio as "infoRatio",
      n.info_prefixes4 as prefixes4, n.info_prefixes6 as prefixes6, coalesce(n.info_never_via_route_servers, false) as "neverViaRouteServers",
      (select count(distinct f.fac_id) from pdb_netfac f join our_facs o on o.fac_id = f.fac_id where f.net_id = n.id)::int as "sharedFacilities"
    from cand c join lateral (select * from pdb_net n where n.asn = c.asn order by n.id limit 1) n on true
    where coalesce(n.info_type, '') not in ('Route Server', 'Route Collector')`);
  return (result as unknown as { rows: Row[] }).rows;
}

/** Ranked, best first (ties by ASN), filtered, one page. */
export async function listOpportunities(db: Executor, f: OpportunityFilters) {
  const q = f.q?.toLowerCase();
  const ranked = (await candidates(db, f.ixId))
    .filter((r) => (!f.policy || r.policy?.toLowerCase() === f.policy.toLowerCase()) && (!q || r.name.toLowerCase().includes(q) || String(r.asn) === q.replace(/^as/, '')))
    .map((r): Opportunity => {
      const { score, reasons } = scoreOpportunity({ ...r, sharedExchanges: r.ixIds.length });
      return { peerAsn: r.asn, name: r.name, score, reasons, ixIds: r.ixIds, policy: r.policy, rsPeer: r.rsAny, infoType: r.infoType };
    })
    .filter((o) => f.minScore === undefined || o.score >= f.minScore)
    .sort((a, b) => b.score - a.score || a.peerAsn - b.peerAsn);
  return { rows: ranked.slice(f.offset, f.offset + f.limit), total: ranked.length, limit: f.limit, offset: f.offset };
}
