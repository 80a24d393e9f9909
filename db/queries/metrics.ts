import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';

const rowsOf = async <T>(pending: Promise<unknown>) => ((await pending) as { rows: T[] }).rows;

/** Live sessions counted by router, exchange (or "none" for private ones) and polled BGP state. */
export const sessionsByState = (db: Executor) =>
  rowsOf<{ router: string; ixp: string; state: string; n: number }>(
    db.execute(sql`
      select r.name as router, coalesce(ix.name, case when s.ix_id is null then 'none' else 'ix ' || s.ix_id end) as ixp,
             coalesce(lower(s.bgp_state), 'unknown') as state, count(*)::int as n
      from bgp_sessions s join routers r on r.id = s.router_id left join pdb_ix ix on ix.id = s.ix_id
      where s.removed_at is null group by 1, 2, 3`),
  );

/** One row per live session with what the router last reported and the limit we configured. */
export const sessionPrefixes = (db: Executor) =>
  rowsOf<{ id: number; router: string; peer_asn: string; peer_ip: string; received: number | null; max: number | null }>(
    db.execute(sql`
      select s.id, r.name as router, s.peer_asn::text, host(s.peer_ip) as peer_ip, s.prefixes_received as received, s.max_prefixes as max
      from bgp_sessions s join routers r on r.id = s.router_id where s.removed_at is null`),
  );

/** The newest PeeringDB run over all object types, and whether every type's last run succeeded. */
export const peeringDbSync = async (db: Executor) =>
  (
    await rowsOf<{ last_run: number | null; last_ok: number | null; failed: number }>(
      db.execute(sql`
        select extract(epoch from max(last_run_at))::float8 as last_run,
               extract(epoch from max(last_run_at) filter (where last_status = 'ok'))::float8 as last_ok,
               count(*) filter (where last_status = 'failed')::int as failed
        from pdb_sync_state`),
    )
  )[0];

export const jobQueue = (db: Executor) =>
  rowsOf<{ kind: string; status: string; n: number }>(
    db.execute(sql`select kind, status::text, count(*)::int as n from jobs where status in ('scheduled', 'running') group by 1, 2`),
  );

export const jobFailures = (db: Executor) =>
  rowsOf<{ kind: string; n: number }>(
    db.execute(sql`select j.kind, count(*)::int as n from job_runs r join jobs j on j.id = r.job_id where r.status = 'failed' group by 1`),
  );

export const mailboxSync = (db: Executor) =>
  rowsOf<{ mailbox: string; last_run: number | null; failing: boolean }>(
    db.execute(sql`select mailbox::text, extract(epoch from last_run_at)::float8 as last_run, last_error is not null as failing from mail_sync_state`),
  );

export const peeringRequestsByStage = (db: Executor) =>
  rowsOf<{ stage: string; n: number }>(db.execute(sql`select status::text as stage, count(*)::int as n from peer_statuses group by 1`));
