import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { limitOffset } from '@/db/queries/paging';

/** Where a request we sent stands, from the status, the mailbox, the sessions and their BGP state. */
export const requestStages = ['sent', 'replied', 'approved', 'configured', 'established', 'stalled'] as const;
export type RequestStage = (typeof requestStages)[number];

/** The follow-up settings the pipeline needs to say when the next one is due. */
export type FollowUpPolicy = { afterHours: number; max: number };

export type RequestFilters = {
  stage?: RequestStage;
  peerAsn?: number;
  ixId?: number;
  localAsn?: number;
  due?: boolean;
  /** Needs someone: a reply to answer, a stall to decide, or a follow-up due now (the dashboard's panel). */
  attention?: boolean;
};

export type RequestRow = {
  peerAsn: number;
  peerName: string | null;
  ixId: number;
  exchange: string;
  localAsn: number;
  stage: RequestStage;
  sentAt: Date;
  lastActivityAt: Date;
  repliedAt: Date | null;
  followUps: number;
  nextFollowUpAt: Date | null;
  doNotAskUntil: Date | null;
  /** The request e-mail (its thread) and the first answer, for "open the thread". */
  requestEmailId: number | null;
  replyEmailId: number | null;
};

const live = sql`b.peer_asn = ps.peer_asn and b.ix_id = ps.ix_id and b.local_asn = ps.local_asn and b.removed_at is null`;

/** Furthest first: an established session, a configured one, an approval, a reply, a stall. */
const stage = sql<RequestStage>`case
  when ps.status = 'approved' then case
    when exists (select 1 from bgp_sessions b where ${live} and lower(b.bgp_state) = 'established') then 'established'
    when exists (select 1 from bgp_sessions b where ${live} and b.config_status = 'configured') then 'configured'
    else 'approved' end
  when ps.replied_at is not null then 'replied'
  when ps.stalled_at is not null then 'stalled'
  else 'sent' end`;

/** A reply (it needs an answer) then a stall (it needs a decision) come first. */
const rank = sql`case ${stage} when 'replied' then 0 when 'stalled' then 1 when 'sent' then 2 when 'approved' then 3 when 'configured' then 4 else 5 end`;

const mayAskNow = sql`not exists (select 1 from peer_statuses dna where dna.peer_asn = ps.peer_asn and dna.do_not_ask_until > now())`;

/** When the next follow-up goes out; none once answered, stalled, out of follow-ups, or not to be asked. */
function nextFollowUp(policy: FollowUpPolicy): SQL {
  return sql`case when ps.status = 'request_sent' and ps.replied_at is null and ps.stalled_at is null and ps.follow_ups < ${policy.max} and ${mayAskNow}
    then coalesce(ps.last_follow_up_at, ps.last_request_at) + make_interval(hours => ${policy.afterHours}) end`;
}

/** Every (peer, exchange, local ASN) we asked and that is still in play: asked and waiting, or approved. */
function where(filters: RequestFilters, policy: FollowUpPolicy): SQL {
  const parts = [
    sql`ps.last_request_at is not null and ps.status in ('request_sent', 'approved')`,
    filters.stage ? sql`${stage} = ${filters.stage}` : undefined,
    filters.peerAsn ? sql`ps.peer_asn = ${filters.peerAsn}` : undefined,
    filters.ixId ? sql`ps.ix_id = ${filters.ixId}` : undefined,
    filters.localAsn ? sql`ps.local_asn = ${filters.localAsn}` : undefined,
    filters.due ? sql`${nextFollowUp(policy)} <= now()` : undefined,
    filters.attention ? sql`(ps.status = 'request_sent' and (ps.replied_at is not null or ps.stalled_at is not null or ${nextFollowUp(policy)} <= now()))` : undefined,
  ].filter((p): p is SQL => !!p);
  return sql.join(parts, sql` and `);
}

type Raw = Record<string, unknown>;
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
const rowsOf = (result: unknown) => (result as { rows: Raw[] }).rows;

/** The Requests page and GET /requests: filtered, ordered (replies, then stalls, then newest activity) and paged in SQL. */
export async function listRequests(db: Executor, filters: RequestFilters & { limit: number; offset: number }, policy: FollowUpPolicy) {
  const result = await db.execute(sql`
    select ps.peer_asn::bigint as "peerAsn", ps.ix_id as "ixId", ps.local_asn::bigint as "localAsn", ${stage} as "stage",
      (select n.name from pdb_net n where n.asn = ps.peer_asn and n.status = 'ok' order by n.id limit 1) as "peerName",
      coalesce((select x.name from pdb_ix x where x.id = ps.ix_id), 'Exchange ' || ps.ix_id) as "exchange",
      ps.last_request_at as "sentAt", ps.replied_at as "repliedAt", ps.follow_ups as "followUps",
      greatest(ps.last_request_at, ps.last_follow_up_at, ps.replied_at, ps.stalled_at, ps.updated_at) as "lastActivityAt",
      ${nextFollowUp(policy)} as "nextFollowUpAt",
      (select max(dna.do_not_ask_until) from peer_statuses dna where dna.peer_asn = ps.peer_asn and dna.do_not_ask_until > now()) as "doNotAskUntil",
      ps.request_email_id as "requestEmailId",
      (select e.id from emails e where e.mailbox = 'inbox' and e.peer_asn = ps.peer_asn
        and coalesce(e.date, e.created_at) >= ps.last_request_at order by coalesce(e.date, e.created_at), e.id limit 1) as "replyEmailId"
    from peer_statuses ps
    where ${where(filters, policy)}
    order by ${rank}, "lastActivityAt" desc, ps.peer_asn, ps.ix_id, ps.local_asn
    ${limitOffset(filters.limit, filters.offset)}`);
  return rowsOf(result).map(
    (r): RequestRow => ({
      peerAsn: Number(r.peerAsn),
      peerName: (r.peerName as string | null) ?? null,
      ixId: Number(r.ixId),
      exchange: String(r.exchange),
      localAsn: Number(r.localAsn),
      stage: r.stage as RequestStage,
      sentAt: date(r.sentAt)!,
      lastActivityAt: date(r.lastActivityAt)!,
      repliedAt: date(r.repliedAt),
      followUps: Number(r.followUps),
      nextFollowUpAt: date(r.nextFollowUpAt),
      doNotAskUntil: date(r.doNotAskUntil),
      requestEmailId: r.requestEmailId === null ? null : Number(r.requestEmailId),
      replyEmailId: r.replyEmailId === null ? null : Number(r.replyEmailId),
    }),
  );
}

export async function countRequests(db: Executor, filters: RequestFilters, policy: FollowUpPolicy) {
  const result = await db.execute(sql`select count(*)::int as n from peer_statuses ps where ${where(filters, policy)}`);
  return Number(rowsOf(result)[0]?.n ?? 0);
}

/** How many requests stand at each stage (every stage present, zero or not). */
export async function countRequestsByStage(db: Executor): Promise<Record<RequestStage, number>> {
  const result = await db.execute(sql`select ${stage} as stage, count(*)::int as n from peer_statuses ps
    where ps.last_request_at is not null and ps.status in ('request_sent', 'approved') group by 1`);
  const counts = Object.fromEntries(requestStages.map((s) => [s, 0])) as Record<RequestStage, number>;
  for (const r of rowsOf(result)) counts[r.stage as RequestStage] = Number(r.n);
  return counts;
}

/**
 * Marks the first answer to every request still waiting for one: a message in the request's thread,
 * or one from the peer's contacts since the request. Returns the rows it marked, once each.
 */
export async function markReplied(db: Executor) {
  const result = await db.execute(sql`
    update peer_statuses ps set replied_at = r.at, updated_at = now() from (
      select w.id, min(coalesce(e.date, e.created_at)) as at, (array_agg(e.id order by coalesce(e.date, e.created_at), e.id))[1] as email_id
      from peer_statuses w
      left join emails req on req.id = w.request_email_id
      join emails e on e.mailbox = 'inbox' and (
        (req.thread_id is not null and e.thread_id = req.thread_id)
        or (e.peer_asn = w.peer_asn and e.association in ('thread', 'address') and coalesce(e.date, e.created_at) >= w.last_request_at))
      where w.status = 'request_sent' and w.replied_at is null and w.last_request_at is not null
      group by w.id) r
    where ps.id = r.id and ps.replied_at is null
    returning ps.peer_asn::bigint as "peerAsn", ps.ix_id as "ixId", ps.local_asn::bigint as "localAsn", r.email_id as "emailId"`);
  return rowsOf(result).map((r) => ({
    peerAsn: Number(r.peerAsn),
    ixId: Number(r.ixId),
    localAsn: Number(r.localAsn),
    emailId: Number(r.emailId),
  }));
}

/**
 * New messages from a peer's contacts that answer no request of ours, from networks we have no status
 * with yet: likely incoming requests, offered "Mark as incoming request" (the last 30 days, newest first).
 */
export async function newPeerMessages(db: Executor, limit = 20) {
  const result = await db.execute(sql`
    select e.id, e.peer_asn::bigint as "peerAsn", e.subject, e.from_address as "fromAddress", coalesce(e.date, e.created_at) as "at",
      (select n.name from pdb_net n where n.asn = e.peer_asn and n.status = 'ok' order by n.id limit 1) as "peerName",
      coalesce((select json_agg(json_build_object('ixId', o.ix_id, 'name', x.name) order by x.name) from pdb_netixlan o
        join pdb_netixlan p on p.ix_id = o.ix_id and p.asn = e.peer_asn and p.status = 'ok'
        join local_asns l on l.asn = o.asn left join pdb_ix x on x.id = o.ix_id where o.status = 'ok'), '[]'::json) as "exchanges"
    from emails e
    where e.mailbox = 'inbox' and e.association = 'address' and e.peer_asn is not null
      and coalesce(e.date, e.created_at) > now() - interval '30 days'
      and not exists (select 1 from emails s where s.mailbox = 'sent' and s.message_id = e.thread_id)
      and not exists (select 1 from peer_statuses ps where ps.peer_asn = e.peer_asn and ps.status <> 'new')
    order by coalesce(e.date, e.created_at) desc, e.id desc
    limit ${limit}`);
  return rowsOf(result).map((r) => ({
    id: Number(r.id),
    peerAsn: Number(r.peerAsn),
    peerName: (r.peerName as string | null) ?? null,
    subject: (r.subject as string | null) ?? null,
    fromAddress: (r.fromAddress as string | null) ?? null,
    at: date(r.at)!,
    // one entry per exchange even with several of our ASNs there
    exchanges: [...new Map((r.exchanges as { ixId: number; name: string | null }[]).map((x) => [x.ixId, { ixId: x.ixId, name: x.name ?? `Exchange ${x.ixId}` }])).values()],
  }));
}
