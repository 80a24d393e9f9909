import { sql } from 'drizzle-orm';
import { db as appDb, type Executor } from '@/db/client';
import { scoreOpportunity, type OpportunityFacts } from './score';
import { limitOffset } from '@/db/queries/paging';

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

type Facts = Omit<OpportunityFacts, 'sharedExchanges' | 'sharedFacilities'> & { asn: number; name: string; ixIds: number[]; sharedFacilities: number; rsAny: boolean };

/**
 * What the scores depend on besides the rows themselves: our ASNs and the last PeeringDB run (the sync
 * writes `pdb_sync_state` in the same transaction as each type's rows). A different value means the
 * stored scores are stale.
 */
const basisSql = sql`(select coalesce(string_agg(asn::text, ',' order by asn), '') from local_asns) || '|' || coalesce((select max(last_run_at)::text from pdb_sync_state), '')`;

/** Every network at our exchanges (but ours and route servers) with the facts the score reads: one set-based query. */
async function facts(db: Executor): Promise<Facts[]> {
  const result = await db.execute(sql`
    with ours as (select distinct m.ix_id from pdb_netixlan m where m.asn in (select asn from local_asns)),
    our_facs as (select distinct f.fac_id from pdb_netfac f join pdb_net n on n.id = f.net_id where n.asn in (select asn from local_asns)),
    cand as (
      select m.asn, array_agg(distinct m.ix_id) as ix_ids, bool_and(coalesce(m.is_rs_peer, false)) as rs_everywhere, bool_or(coalesce(m.is_rs_peer, false)) as rs_any
      from pdb_netixlan m join ours o on o.ix_id = m.ix_id
      where m.asn not in (select asn from local_asns)
      group by m.asn
    )
    select c.asn::float8 as asn, n.name, c.ix_ids as "ixIds", c.rs_everywhere as "rsEverywhere", c.rs_any as "rsAny",
      n.policy_general as policy, n.info_type as "infoType", n.info_traffic as "infoTraffic", n.info_ratio as "infoRatio",
      n.info_prefixes4 as prefixes4, n.info_prefixes6 as prefixes6, coalesce(n.info_never_via_route_servers, false) as "neverViaRouteServers",
      (select count(distinct f.fac_id) from pdb_netfac f join our_facs o on o.fac_id = f.fac_id where f.net_id = n.id)::int as "sharedFacilities"
    from cand c join lateral (select * from pdb_net n where n.asn = c.asn order by n.id limit 1) n on true
    where coalesce(n.info_type, '') not in ('Route Server', 'Route Collector')`);
  return (result as unknown as { rows: Facts[] }).rows;
}

/**
 * Brings `opportunity_scores` up to date when its basis moved (or it was never computed): one
 * transaction, serialized across processes, so a reader sees the old set or the new one.
 */
export async function refreshOpportunityScores(db: Executor = appDb()) {
  const stale = async (ex: Executor) => ((await ex.execute(sql`select 1 from opportunity_basis where basis = ${basisSql}`)) as unknown as { rows: unknown[] }).rows.length === 0;
  if (!(await stale(db))) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('peerdesk.opportunity_scores'))`);
    if (!(await stale(tx))) return false;
    const rows = (await facts(tx)).map((f) => {
      const { score, reasons } = scoreOpportunity({ ...f, sharedExchanges: f.ixIds.length });
      return { asn: f.asn, name: f.name, ix_ids: f.ixIds, policy: f.policy, rs_peer: f.rsAny, info_type: f.infoType, score, reasons };
    });
    await tx.execute(sql`delete from opportunity_scores`);
    await tx.execute(sql`
      insert into opportunity_scores (asn, name, ix_ids, policy, rs_peer, info_type, score, reasons)
      select asn, name, ix_ids, policy, rs_peer, info_type, score, reasons
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(asn bigint, name text, ix_ids int[], policy text, rs_peer boolean, info_type text, score int, reasons text[])`);
    await tx.execute(sql`
      insert into opportunity_basis (id, basis, computed_at) values (true, ${basisSql}, now())
      on conflict (id) do update set basis = excluded.basis, computed_at = excluded.computed_at`);
    return true;
  });
}

export type OpportunityPage = { rows: Opportunity[]; total: number; limit: number; offset: number };

/**
 * Ranked, best first (ties by ASN), filtered and paged in SQL over the stored scores. Networks we have
 * a session with, or settled with (any status other than New, or a don't-ask date in the future), are
 * left out here, at read time. One row comes back whatever the page: the total and the page's rows.
 */
export async function listOpportunities(db: Executor, f: OpportunityFilters): Promise<OpportunityPage> {
  await refreshOpportunityScores(db);
  const q = f.q?.trim().toLowerCase() || null;
  const qAsn = q && /^(as)?\d{1,10}$/.test(q) ? Number(q.replace(/^as/, '')) : null;
  const result = await db.execute(sql`
    with listed as (
      select o.asn, o.name, o.score, o.reasons, o.ix_ids, o.policy, o.rs_peer, o.info_type from opportunity_scores o
      where not exists (select 1 from bgp_sessions s where s.peer_asn = o.asn and s.removed_at is null)
        and not exists (select 1 from peer_statuses p where p.peer_asn = o.asn and (p.status <> 'new' or p.do_not_ask_until > now()))
        and (${f.ixId ?? null}::int is null or ${f.ixId ?? null}::int = any(o.ix_ids))
        and (${f.policy ?? null}::text is null or lower(o.policy) = lower(${f.policy ?? null}::text))
        and (${f.minScore ?? null}::int is null or o.score >= ${f.minScore ?? null}::int)
        and (${q}::text is null or position(${q}::text in lower(o.name)) > 0 or o.asn = ${qAsn}::bigint)
    ),
    page as (select * from listed l order by l.score desc, l.asn ${limitOffset(f.limit, f.offset)})
    select (select count(*) from listed)::int as total,
      coalesce((select json_agg(json_build_object('peerAsn', p.asn, 'name', p.name, 'score', p.score, 'reasons', p.reasons, 'ixIds', p.ix_ids,
        'policy', p.policy, 'rsPeer', p.rs_peer, 'infoType', p.info_type) order by p.score desc, p.asn) from page p), '[]') as rows`);
  const [{ total, rows }] = (result as unknown as { rows: { total: number; rows: Opportunity[] }[] }).rows;
  return { rows, total, limit: f.limit, offset: f.offset };
}
