// Data for bench/exchange-pages.ts on top of a full PeeringDB sync: local ASN 65001, a user with an
// API token, and peering work at our exchanges (statuses, notes, sessions) so that the count and
// "last note" subqueries of the IXs pages have rows to read, as they would in production.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { peerNotes, peerStatuses, type PeerStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { PEERINGDB_SYNC } from '@/lib/jobs/labels';
import { LAB } from '@/tools/peeringdb-test-server/lab-overlay';
import { Random } from '@/tools/peeringdb-test-server/random';
import { updatePeeringSettings } from '@/lib/settings/service';
import { createToken } from '@/lib/tokens/service';
import { createUser } from '@/lib/users/service';

const system: Actor = { id: null, email: 'bench', role: 'global_admin', via: 'cli' };

// Share of the networks at an exchange per status; the remaining 40% have no row (= "new").
const STATUS_MIX: [PeerStatus, number][] = [
  ['existing', 0.3], ['approved', 0.05], ['request_sent', 0.1], ['request_received', 0.03], ['not_qualified', 0.05], ['rejected', 0.03], ['new', 0.04],
];
const COMMENTS = [
  'Sent peering request to the policy contact', 'Asked for their max-prefix values', 'They want to peer over the route servers only',
  'Sessions up on both LANs', 'Ratio requirement not met, retry next year', 'No answer after two reminders', 'Approved, waiting for config window',
];

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Db, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<T>).rows;

async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>) {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

export async function seedExchangeWork(db: Db, login: { email: string; password: string }) {
  const user = await ok(createUser(system, { email: login.email, password: login.password, role: 'admin', name: 'Bench' }));
  const actor: Actor = { id: user.id, email: user.email, role: user.role, via: 'cli' };
  await ok(updatePeeringSettings(actor, { asns: [LAB.localAsn] }));
  const token = await ok(createToken(actor, { name: 'bench' }));
  // The sync above ran outside the job queue; without a finished job on record, the server's
  // scheduler would start a full PeeringDB refresh as soon as it is up, in the middle of the load.
  await db.execute(sql`insert into jobs (kind, summary, status, run_at, finished_at) values (${PEERINGDB_SYNC.name}, 'bench: synced directly', 'succeeded', now(), now())`);

  const exchanges = await rows<{ id: number; name: string; ports: number; networks: number }>(db, sql`
    select m.ix_id as id, x.name, count(*)::int as ports, count(distinct m.asn)::int as networks
    from pdb_netixlan m join pdb_ix x on x.id = m.ix_id
    where m.status = 'ok' and m.ix_id in (select ix_id from pdb_netixlan where asn = ${LAB.localAsn} and status = 'ok')
    group by m.ix_id, x.name order by count(*) desc, m.ix_id`);

  const random = new Random(42);
  const statuses: (typeof peerStatuses.$inferInsert)[] = [];
  const notes: (typeof peerNotes.$inferInsert)[] = [];
  const now = Date.now();
  for (const ix of exchanges) {
    const members = await rows<{ asn: number }>(db, sql`select distinct asn::float8 as asn from pdb_netixlan where ix_id = ${ix.id} and status = 'ok' and asn <> ${LAB.localAsn} order by 1`);
    for (const { asn } of members) {
      let draw = random.next();
      const status = STATUS_MIX.find(([, share]) => (draw -= share) < 0)?.[0];
      if (!status) continue;
      const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000);
      const changed = random.int(1, 700);
      statuses.push({ localAsn: LAB.localAsn, ixId: ix.id, peerAsn: asn, status, lastRequestAt: status === 'request_sent' ? at(changed) : null, updatedAt: at(changed) });
      if (status !== 'new') notes.push({ peerAsn: asn, localAsn: LAB.localAsn, ixId: ix.id, at: at(changed), actorId: user.id, kind: 'status', fromStatus: 'new', toStatus: status, comment: null });
      // Free notes and mail records (no comment: the "last note" subquery must skip them).
      for (let i = random.int(0, 5); i > 0; i--) {
        const withComment = random.next() < 0.7;
        notes.push({ peerAsn: asn, localAsn: LAB.localAsn, ixId: ix.id, at: at(random.int(0, 730)), actorId: user.id, kind: withComment ? 'note' : 'email', comment: withComment ? COMMENTS[random.int(0, COMMENTS.length - 1)] : null });
      }
    }
  }
  for (let i = 0; i < statuses.length; i += 1000) await db.insert(peerStatuses).values(statuses.slice(i, i + 1000));
  for (let i = 0; i < notes.length; i += 1000) await db.insert(peerNotes).values(notes.slice(i, i + 1000));

  // Existing peers have sessions on both address families; raw SQL so that columns other
  // engineers are adding to routers / bgp_sessions right now do not matter here.
  const [router] = await rows<{ id: number }>(db, sql`insert into routers (name, hostname, platform, local_asn) values ('bench-rtr1', 'rtr1.bench.test', 'frr', ${LAB.localAsn}) returning id`);
  const sessions = await db.execute(sql`
    insert into bgp_sessions (router_id, ix_id, local_asn, peer_asn, peer_ip, type, config_status, bgp_state, prefixes_received)
    select ${router.id}, m.ix_id, s.local_asn, m.asn, v.ip, 'peer', 'configured', 'Established', (m.asn % 1000)::int
    from peer_statuses s join pdb_netixlan m on m.ix_id = s.ix_id and m.asn = s.peer_asn and m.status = 'ok'
    cross join lateral (values (m.ipaddr4), (m.ipaddr6)) v(ip)
    where s.status = 'existing' and v.ip is not null
    on conflict do nothing`);
  // Our own tables' statistics, as autovacuum keeps them while they grow; the PeeringDB tables keep the ones the sync left (issue 17: right
  // after a sync).
  await db.execute(sql`analyze users, api_tokens, local_asns, peer_statuses, peer_notes, routers, bgp_sessions, jobs`);
  return {
    exchanges,
    largest: exchanges[0],
    token: token.secret,
    counts: { statuses: statuses.length, notes: notes.length, sessions: (sessions as unknown as { rowCount: number }).rowCount },
  };
}
