import { sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { NOT_ON_ROUTER_ERRORS } from './not-on-router';

type Observed = { sessionId: number; state: string; prefixesReceived: number | null; lastError: string | null };
type RouterNeighbor = { peerIp: string; peerAsn: number | null; state: string | null };

// One point an hour per session is enough for a month's chart and keeps the table small at 5,000 sessions.
const PREFIX_SAMPLE = '1 hour';

/**
 * Called with a poll's answers before they are stored: the state changes they bring (for flap
 * counts and time in state) and a prefix-count sample. Two statements, whatever the number of sessions.
 */
export async function recordStateHistory(observed: Observed[], executor: Executor = db()) {
  if (!observed.length) return;
  const rows = JSON.stringify(observed.map((o) =>
    ({ id: o.sessionId, state: o.state, prefixes: o.prefixesReceived, reason: o.lastError })));
  await executor.execute(sql`
    insert into session_state_changes (session_id, from_state, to_state, reason)
    select s.id, s.bgp_state, v.state, v.reason
    from json_to_recordset(${rows}::json) as v(id int, state text, prefixes int, reason text) join bgp_sessions s on s.id = v.id
    where s.bgp_state is distinct from v.state`);
  await executor.execute(sql`
    insert into session_prefix_points (session_id, prefixes)
    select v.id, v.prefixes from json_to_recordset(${rows}::json) as v(id int, state text, prefixes int, reason text)
    where v.prefixes is not null and exists (select 1 from bgp_sessions s where s.id = v.id)
      and not exists (select 1 from session_prefix_points p where p.session_id = v.id and p.at > now() - ${PREFIX_SAMPLE}::interval)
    on conflict do nothing`);
}

/** What one router has now replaces what was known of it: seen neighbors are upserted, the others dropped. */
export async function recordRouterNeighbors(routerId: number, source: 'poll' | 'import', neighbors: RouterNeighbor[], executor: Executor = db()) {
  const rows = JSON.stringify(neighbors.map((n) => ({ ip: n.peerIp, asn: n.peerAsn, state: n.state })));
  await executor.execute(sql`
    delete from router_neighbors o where o.router_id = ${routerId}
      and not exists (select 1 from json_to_recordset(${rows}::json) as v(ip inet, asn bigint, state text) where v.ip = o.peer_ip)`);
  if (!neighbors.length) return;
  await executor.execute(sql`
    insert into router_neighbors (router_id, peer_ip, peer_asn, state, source, seen_at)
    select distinct on (v.ip) ${routerId}, v.ip, v.asn, v.state, ${source}, now() from json_to_recordset(${rows}::json) as v(ip inet, asn bigint, state text)
    on conflict (router_id, peer_ip) do update set peer_asn = excluded.peer_asn, state = excluded.state, source = excluded.source, seen_at = now()`);
}

/** The poll's hook: every neighbor the router listed (asked or not) becomes what is known of it; the states pass through. */
export async function observeRouter<S extends {
  peerIp: string;
  state: string;
  lastError: string | null;
  unrequested?: { peerAsn: number | null };
}>(routerId: number, states: S[]) {
  const present = states.filter((s) => s.unrequested || !NOT_ON_ROUTER_ERRORS.includes(s.lastError ?? ''));
  await recordRouterNeighbors(routerId, 'poll', present.map((s) => ({ peerIp: s.peerIp, peerAsn: s.unrequested?.peerAsn ?? null, state: s.state })));
  return states;
}
