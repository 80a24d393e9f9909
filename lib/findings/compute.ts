import { sql, type SQL } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import type { FindingKind } from '@/db/schema';
import { downReasonPatterns } from './down-reasons';
import { NOT_ON_ROUTER_ERRORS } from './not-on-router';
import { refreshOpportunityScores } from './opportunities';

/**
 * The kinds recomputed after every sync and poll. config_drift needs the router's running
 * configuration, which only the drift check reads (drift-check.ts): here an open one is carried as
 * it is while its session is still configured on the same router, and resolves when it is not.
 */
const computedKinds: FindingKind[] = ['peer_left_ix', 'peer_ip_changed', 'max_prefix_drift', 'max_prefix_near', 'on_router_only', 'missing_on_router', 'config_drift', 'session_down'];


const NEAR_SHARE = 0.8;
const HISTORY_DAYS = 30;

/** The classification of down-reasons.ts as one SQL case over a session row `s`. */
function downReasonSql(): SQL {
  const error = sql`coalesce(s.bgp_last_error, '')`;
  const whens = downReasonPatterns.map((p) => sql`when ${error} ~* ${p.pattern} then ${p.reason}`);
  return sql`(case ${sql.join(whens, sql` `)} when coalesce(s.bgp_state, '') ~* 'admin' then 'admin_down' when coalesce(s.bgp_state, '') ~* '^(active|connect)' then 'peer_not_configured' else 'unknown' end)`;
}

/**
 * Every finding that holds now, one row per (kind, key), as one set-based query over sessions,
 * PeeringDB and what the routers reported: no per-session round trips, whatever the number of sessions.
 */
function currentFindings(): SQL {
  const reason = downReasonSql();
  const family = sql`family(s.peer_ip)`;
  const pdbCount = sql`(select case when ${family} = 4 then n.info_prefixes4 else n.info_prefixes6 end from pdb_net n where n.asn = s.peer_asn order by n.id limit 1)`;
  const suggested = (pdb: SQL) => sql`greatest(coalesce(${pdb}, 0), ceil(coalesce(s.prefixes_received, 0) * 1.25)::int, 1)`;
  return sql`
    with live as not materialized (
      select s.* from bgp_sessions s where s.removed_at is null and s.config_status <> 'removed'
    ),
    pdb as not materialized (
      select s.id, ${pdbCount} as count from live s where s.type = 'peer'
    )
    select 'peer_left_ix' as kind, 'session:' || s.id as key, 'warning' as severity, s.id as session_id, s.router_id, s.peer_asn, s.ix_id,
      jsonb_build_object('peerIp', host(s.peer_ip), 'exchange', x.name) as details, 'remove_session' as remedy, null::timestamptz as since
    from live s join pdb_ix x on x.id = s.ix_id
    where not exists (select 1 from pdb_netixlan n where n.ix_id = s.ix_id and n.asn = s.peer_asn)
    union all
    select 'peer_ip_changed', 'session:' || s.id, 'critical', s.id, s.router_id, s.peer_asn, s.ix_id,
      jsonb_build_object('peerIp', host(s.peer_ip), 'newIp', host(m.addr), 'exchange', x.name),
      case when exists (select 1 from live o where o.router_id = s.router_id and o.peer_ip = m.addr) then 'remove_session' else 'move_session' end, null
    from live s join pdb_ix x on x.id = s.ix_id
    cross join lateral (
      select case when ${family} = 4 then n.ipaddr4 else n.ipaddr6 end as addr from pdb_netixlan n
      where n.ix_id = s.ix_id and n.asn = s.peer_asn and (case when ${family} = 4 then n.ipaddr4 else n.ipaddr6 end) is not null
      order by n.id limit 1
    ) m
    where not exists (select 1 from pdb_netixlan n where n.ix_id = s.ix_id and n.asn = s.peer_asn and (n.ipaddr4 = s.peer_ip or n.ipaddr6 = s.peer_ip))
    union all
    select 'max_prefix_drift', 'session:' || s.id, case when s.max_prefixes is null then 'info' else 'warning' end, s.id, s.router_id, s.peer_asn, s.ix_id,
      jsonb_build_object('family', ${family}, 'peeringDb', p.count, 'configured', s.max_prefixes, 'received', s.prefixes_received, 'suggested', ${suggested(sql`p.count`)}),
      'update_max_prefix', null
    from live s join pdb p on p.id = s.id
    where p.count > 0 and (s.max_prefixes is null or s.max_prefixes < p.count)
    union all
    select 'max_prefix_near', 'session:' || s.id, case when s.prefixes_received >= s.max_prefixes * 0.95 then 'critical' else 'warning' end, s.id, s.router_id, s.peer_asn, s.ix_id,
      jsonb_build_object('family', ${family}, 'peeringDb', p.count, 'configured', s.max_prefixes, 'received', s.prefixes_received,
        'percent', round(100.0 * s.prefixes_received / s.max_prefixes), 'suggested', ${suggested(sql`p.count`)}),
      'update_max_prefix', null
    from live s left join pdb p on p.id = s.id
    where s.max_prefixes > 0 and s.prefixes_received > s.max_prefixes * ${NEAR_SHARE}::numeric and s.bgp_state ilike 'established%'
    union all
    select 'session_down', 'session:' || s.id, case when d.reason in ('peer_not_configured', 'admin_down') then 'warning' else 'critical' end, s.id, s.router_id, s.peer_asn, s.ix_id,
      jsonb_build_object('state', s.bgp_state, 'reason', d.reason, 'lastError', s.bgp_last_error, 'stateSince', s.bgp_state_changed_at,
        'flaps24h', (select count(*) from session_state_changes c where c.session_id = s.id and c.at > now() - interval '24 hours' and c.from_state ilike 'established%'),
        -- Torn down, nothing is received: at least twice the limit that tore it down.
        'configured', s.max_prefixes, 'suggested', greatest(coalesce(${pdbCount}, 0), coalesce(s.max_prefixes, 0) * 2, 1)),
      case d.reason when 'max_prefix' then 'update_max_prefix' when 'unknown' then 'repush' end, s.bgp_state_changed_at
    from live s cross join lateral (select ${reason} as reason) d
    where s.config_status = 'configured' and s.last_polled_at is not null and not s.admin_down
      and coalesce(s.bgp_state, '') not ilike 'established%' and coalesce(s.bgp_last_error, '') not in ${NOT_ON_ROUTER_ERRORS}
    union all
    select 'missing_on_router', 'session:' || s.id, 'critical', s.id, s.router_id, s.peer_asn, s.ix_id,
      jsonb_build_object('peerIp', host(s.peer_ip), 'router', r.name, 'source', case when s.bgp_last_error in ${NOT_ON_ROUTER_ERRORS} then 'poll' else 'import' end),
      'repush', null
    from live s join routers r on r.id = s.router_id
    where s.config_status = 'configured' and (
      s.bgp_last_error in ${NOT_ON_ROUTER_ERRORS}
      or (r.platform not in ('frr', 'bird') and exists (select 1 from router_neighbors o where o.router_id = s.router_id and o.source = 'import')
          and not exists (select 1 from router_neighbors o where o.router_id = s.router_id and o.peer_ip = s.peer_ip)))
    union all
    select 'config_drift', f.key, f.severity::text, s.id, s.router_id, s.peer_asn, s.ix_id, f.details, f.remedy, f.since
    from findings f join live s on s.id = f.session_id and s.router_id = f.router_id
    where f.kind = 'config_drift' and f.resolved_at is null and s.config_status = 'configured'
    union all
    select 'on_router_only', 'router:' || o.router_id || ':' || host(o.peer_ip), 'warning', null, o.router_id, o.peer_asn,
      (select l.ix_id from pdb_ixpfx p join pdb_ixlan l on l.id = p.ixlan_id where o.peer_ip << p.prefix order by p.id limit 1),
      jsonb_build_object('peerIp', host(o.peer_ip), 'peerAsn', o.peer_asn, 'state', o.state, 'source', o.source, 'seenAt', o.seen_at, 'router', r.name),
      case when o.peer_asn is not null and r.platform in ('frr', 'bird') then 'import_session' end, null
    from router_neighbors o join routers r on r.id = o.router_id
    where not exists (select 1 from live s where s.router_id = o.router_id and s.peer_ip = o.peer_ip)`;
}

/**
 * Brings the findings table up to what holds now: new findings open, ones that hold again keep
 * their `since` (and get fresh details), ones that no longer hold are resolved. One statement.
 */
export async function refreshFindings(executor: Executor = db(), kinds: FindingKind[] = computedKinds) {
  const kindList = `{${kinds.join(',')}}`;
  const result = await executor.execute(sql`
    with current as (select * from (${currentFindings()}) c where c.kind::finding_kind = any(${kindList}::finding_kind[])),
    upserted as (
      insert into findings (kind, key, severity, session_id, router_id, peer_asn, ix_id, details, remedy, since, last_seen_at)
      select kind::finding_kind, key, severity::finding_severity, session_id, router_id, peer_asn, ix_id, details, remedy, coalesce(since, now()), now() from current
      on conflict (kind, key) where resolved_at is null
      do update set severity = excluded.severity, details = excluded.details, remedy = excluded.remedy, session_id = excluded.session_id,
        router_id = excluded.router_id, peer_asn = excluded.peer_asn, ix_id = excluded.ix_id, last_seen_at = now()
      -- A finding seen exactly as before is left alone: no write per poll for what did not change.
      where (findings.severity, findings.details, findings.remedy, findings.session_id, findings.router_id, findings.peer_asn, findings.ix_id)
        is distinct from (excluded.severity, excluded.details, excluded.remedy, excluded.session_id, excluded.router_id, excluded.peer_asn, excluded.ix_id)
      returning id
    ),
    resolved as (
      update findings f set resolved_at = now()
      where f.resolved_at is null and f.kind = any(${kindList}::finding_kind[])
        and not exists (select 1 from current c where c.kind::finding_kind = f.kind and c.key = f.key)
      returning f.id
    )
    select (select count(*) from current)::int as open, (select count(*) from upserted)::int as written, (select count(*) from resolved)::int as resolved`);
  return (result as unknown as { rows: { open: number; written: number; resolved: number }[] }).rows[0];
}

/** History older than a month feeds no chart and no flap count. */
async function pruneHistory(executor: Executor = db()) {
  await executor.execute(sql`delete from session_state_changes where at < now() - make_interval(days => ${HISTORY_DAYS})`);
  await executor.execute(sql`delete from session_prefix_points where at < now() - make_interval(days => ${HISTORY_DAYS})`);
  await executor.execute(sql`delete from findings where resolved_at < now() - make_interval(days => ${HISTORY_DAYS})`);
}

/** The PeeringDB sync's hook: what PeeringDB now says is compared with the sessions, opportunities are scored again; old history goes. */
export async function refreshAfterSync() {
  await refreshFindings();
  await refreshOpportunityScores();
  await pruneHistory();
}
