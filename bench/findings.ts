// Findings and opportunities at production scale (prints figures; not a test):
//   npx tsx bench/findings.ts [--sessions 5000] [--runs 7] [--app DIR] [--duration 20] [--connections 10] [--warmup 5] [--also PATH,...]
// The PeeringDB test server at scale 1, a full sync into a throwaway PostgreSQL database, the peering
// work of bench/exchange-fixture.ts, then SESSIONS sessions on four routers with polled state, a day
// of state changes and prefix points and the routers' neighbor lists (a share of them drifting,
// down, renumbered or near their limit). Timed in process: the findings refresh that runs after every
// sync and poll, the Findings page's query, the opportunities ranking. With --app DIR (a built copy,
// as for bench/exchange-pages.ts), `node scripts/start.mjs` there and the dashboard, Findings and
// Opportunities pages loaded by CONNECTIONS closed-loop clients against median < 100 ms.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { listFindings } from '@/db/queries/findings';
import type { Actor } from '@/lib/auth/actor';
import { dashboardReads, loadDashboard } from '@/lib/dashboard/reads';
import { refreshFindings } from '@/lib/findings/compute';
import { listOpportunities } from '@/lib/findings/opportunities';
import { syncPeeringDb } from '@/lib/peeringdb/sync';
import { startPeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { seedExchangeWork } from './exchange-fixture';
import { load, signIn, summarize, warmEvery } from './http-load';
import { stopChild } from './stop-child';
import { createDatabase, openDatabase } from './sync-worker';

const { values: args } = parseArgs({
  options: {
    sessions: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '7' },
    app: { type: 'string', default: '' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    also: { type: 'string', default: '' },
  },
});
const API_KEY = 'bench-key';
const login = { email: 'findings@example.net', password: randomBytes(12).toString('base64url') };
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const loadavg = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

console.log(`load average at start (1/5/15 min): ${loadavg()}  (${os.cpus().length} CPUs)`);
const server = await startPeeringDbTestServer({ seed: 1, scale: 1, apiKeys: [API_KEY] });
const database = await createDatabase('postgres');
const conn = openDatabase(database.location);
let app: ChildProcess | undefined;

const count = async (query: ReturnType<typeof sql>) => ((await conn.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0].n;

/** SESSIONS sessions on four render-only FRR routers, our exchanges first, with what a poll would have stored. */
async function seedSessions(total: number) {
  await conn.db.execute(sql`insert into routers (name, hostname, platform, local_asn, transport)
    select 'findings-r' || g, 'findings-r' || g || '.bench', 'frr', 65001, 'none' from generate_series(1, 4) g`);
  await conn.db.execute(sql`
    with ours as (select distinct ix_id from pdb_netixlan where asn = 65001),
    r as (select array_agg(id order by id) as ids from routers where name like 'findings-r%'),
    m as (
      select m.*, row_number() over (order by (m.ix_id in (select ix_id from ours)) desc, m.id) as rn
      from pdb_netixlan m where m.ipaddr4 is not null and m.asn <> 65001
    )
    insert into bgp_sessions (router_id, ix_id, local_asn, peer_asn, peer_ip, max_prefixes, config_status, bgp_state, bgp_state_changed_at, bgp_last_error, prefixes_received, last_polled_at)
    select r.ids[1 + (m.rn % 4)], m.ix_id, 65001, m.asn,
      case when m.rn % 97 = 0 then m.ipaddr4 + 1 else m.ipaddr4 end,
      case when m.rn % 23 = 0 then greatest(1, coalesce(n.info_prefixes4, 10) / 2) else greatest(coalesce(n.info_prefixes4, 10), 10) end,
      'configured',
      case when m.rn % 13 = 0 then 'Idle' when m.rn % 41 = 0 then 'Active' else 'Established' end,
      now() - (m.rn % 1000) * interval '1 minute',
      case when m.rn % 13 = 0 then (array['Max-prefix teardown: BGP Notification send', 'Hold Timer Expired', 'TCP MD5 auth failure', 'Cease/Peer Unconfigured'])[1 + (m.rn / 13) % 4] end,
      case when m.rn % 13 = 0 or m.rn % 41 = 0 then null else (greatest(coalesce(n.info_prefixes4, 10), 10) * ((m.rn % 10) / 10.0 + 0.05))::int end,
      case when m.rn % 50 = 0 then null else now() end
    from m join pdb_net n on n.id = m.net_id cross join r
    where m.rn <= ${total}
    on conflict do nothing`);
  await conn.db.execute(sql`insert into session_prefix_points (session_id, at, prefixes)
    select s.id, date_trunc('hour', now()) - g * interval '1 hour', s.prefixes_received + (g % 5) from bgp_sessions s cross join generate_series(0, 23) g where s.prefixes_received is not null`);
  await conn.db.execute(sql`insert into session_state_changes (session_id, at, from_state, to_state, reason)
    select s.id, now() - g * interval '5 hours', case when g % 2 = 0 then 'Established' else 'Idle' end, case when g % 2 = 0 then 'Idle' else 'Established' end, s.bgp_last_error
    from bgp_sessions s cross join generate_series(1, 4) g where s.bgp_state <> 'Established'`);
  await conn.db.execute(sql`insert into router_neighbors (router_id, peer_ip, peer_asn, state, source)
    select s.router_id, s.peer_ip, s.peer_asn, s.bgp_state, 'poll' from bgp_sessions s where s.id % 61 <> 0
    union all select s.router_id, s.peer_ip + 2, s.peer_asn, 'Active', 'poll' from bgp_sessions s where s.id % 25 = 0
    on conflict do nothing`);
  await conn.db.execute(sql`analyze`);
}

async function timed<T>(runs: number, work: () => Promise<T>) {
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await work();
    ms.push(performance.now() - t);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return { first: ms[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1], last: last! };
}

function freePort() {
  return new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startApp(dir: string) {
  const port = await freePort();
  const logFile = path.join(os.tmpdir(), `peerdesk-bench-findings-${process.pid}.log`);
  const out = fs.openSync(logFile, 'w');
  const env = {
    ...process.env, DATABASE_URL: database.location, PORT: String(port), ADMIN_EMAIL: login.email, ADMIN_PASSWORD: login.password,
    AUTH_SECRET: randomBytes(32).toString('base64'), APP_ENCRYPTION_KEY: randomBytes(32).toString('base64'), PEERINGDB_URL: server.url, PEERINGDB_API_KEY: API_KEY,
  };
  app = spawn(process.execPath, ['scripts/start.mjs'], { cwd: dir, env, stdio: ['ignore', out, out] });
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  while (performance.now() - started < 20 * 60_000) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}; see ${logFile}`);
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return base;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no /api/health after 20 min; see ${logFile}`);
}

try {
  const runs = Number(args.runs);
  log('full PeeringDB sync (scale 1)');
  await syncPeeringDb({ client: { url: server.url, apiKey: API_KEY }, full: true });
  await seedExchangeWork(conn.db, login);
  await seedSessions(Number(args.sessions));
  const sessions = await count(sql`select count(*)::int as n from bgp_sessions where removed_at is null`);
  const neighbors = await count(sql`select count(*)::int as n from router_neighbors`);
  const netixlans = await count(sql`select count(*)::int as n from pdb_netixlan`);
  console.log(`data: ${netixlans} PeeringDB memberships, ${sessions} sessions, ${neighbors} router neighbors`);

  const refresh = await timed(runs, () => refreshFindings());
  const kinds = ((await conn.db.execute(sql`select kind, count(*)::int as n from findings where resolved_at is null group by kind order by kind`)) as unknown as { rows: { kind: string; n: number }[] }).rows;
  const page = await timed(runs, () => listFindings(conn.db, { limit: 50, offset: 0 }));
  const filtered = await timed(runs, () => listFindings(conn.db, { kind: 'session_down', limit: 50, offset: 0 }));
  const opportunities = await timed(runs, () => listOpportunities(conn.db, { limit: 50, offset: 0 }));
  const largest = await count(sql`select ix_id as n from pdb_netixlan where ix_id in (select ix_id from pdb_netixlan where asn = 65001) group by ix_id order by count(*) desc limit 1`);
  const oneIx = await timed(runs, () => listOpportunities(conn.db, { ixId: largest, limit: 50, offset: 0 }));
  // The home page: its reads one by one, then together as the page runs them.
  const actor: Actor = { id: null, email: login.email, role: 'global_admin', via: 'web' };
  const reads: [string, { first: number; median: number; max: number }][] = [];
  const named = Object.entries(dashboardReads(actor)) as [string, () => Promise<unknown>][];
  for (const [name, read] of named) reads.push([name, await timed(runs, read)]);
  const dashboard = await timed(runs, () => loadDashboard(actor));
  const f = (n: number) => n.toFixed(1);
  console.log(`\nopen findings: ${kinds.map((k) => `${k.kind} ${k.n}`).join(', ')}; opportunities: ${opportunities.last.total} (${oneIx.last.total} at the largest exchange)\n`);
  console.log([
    `### In process, ${runs} runs each`,
    '',
    '| work | first ms | median ms | max ms |',
    '|---|---:|---:|---:|',
    `| refreshFindings (after every sync and poll; first run opens them all) | ${f(refresh.first)} | ${f(refresh.median)} | ${f(refresh.max)} |`,
    `| listFindings, first page | ${f(page.first)} | ${f(page.median)} | ${f(page.max)} |`,
    `| listFindings, kind=session_down | ${f(filtered.first)} | ${f(filtered.median)} | ${f(filtered.max)} |`,
    `| listOpportunities, every exchange, first page | ${f(opportunities.first)} | ${f(opportunities.median)} | ${f(opportunities.max)} |`,
    `| listOpportunities, largest exchange | ${f(oneIx.first)} | ${f(oneIx.median)} | ${f(oneIx.max)} |`,
    ...reads.map(([name, t]) => `| dashboard read: ${name} | ${f(t.first)} | ${f(t.median)} | ${f(t.max)} |`),
    `| the dashboard's reads together (loadDashboard) | ${f(dashboard.first)} | ${f(dashboard.median)} | ${f(dashboard.max)} |`,
    '',
  ].join('\n'));

  if (args.app) {
    const base = await startApp(path.resolve(args.app));
    const cookie = await signIn(base, login.email, login.password);
    const appPid = app!.pid!;
    const dbName = new URL(database.location).pathname.slice(1);
    const dbPids = async () => ((await conn.db.execute(sql`select pid from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid()`)) as unknown as { rows: { pid: number }[] }).rows.map((r) => r.pid);
    const pages: [string, string][] = [
      ['/scheduler', 'Scheduler'],
      ['/dashboard', 'Sessions by state per exchange'],
      ['/peering/findings', 'data-testid="finding-'],
      ['/peering/opportunities', 'data-testid="opportunity-'],
      // --also: more signed-in pages at the same scale (the lists grow with the sessions too).
      ...args.also.split(',').filter(Boolean).map((url): [string, string] => [url, '</html>']),
    ];
    log(`warming every page for ${args.warmup} s`);
    await warmEvery(pages.map(([url]) => ({ url: base + url, headers: { cookie } })), Number(args.connections), Number(args.warmup));
    const table = [`### ${args.connections} concurrent clients, ${args.duration} s each after ${args.warmup} s warm-up (and every page warmed ${args.warmup} s first)`, '', '| page | requests | errors | median ms | p95 ms | req/s | target |', '|---|---:|---:|---:|---:|---:|---|'];
    for (const [url, expect] of pages) {
      const res = await fetch(base + url, { headers: { cookie }, redirect: 'manual' });
      const body = await res.text();
      if (res.status !== 200 || !body.includes(expect)) throw new Error(`${url}: HTTP ${res.status} without ${expect}`);
      log(`loading ${url}`);
      const s = summarize(await load({
        url: base + url,
        headers: { cookie },
        connections: Number(args.connections),
        seconds: Number(args.duration),
        warmup: Number(args.warmup),
        appPid,
        dbPids,
      }));
      table.push(`| ${url} | ${s.requests} | ${s.errors} | ${f(s.median)} | ${f(s.p95)} | ${f(s.rps)} | ${url === '/scheduler' ? 'baseline' : s.median < 100 ? 'median < 100 ms: ok' : '**MISSED**'} |`);
    }
    console.log(`${table.join('\n')}\n`);
  } else {
    console.log('Pages not loaded: pass --app DIR (a built copy of the app) to load the dashboard and the Findings page.');
  }
} finally {
  await stopChild(app);
  await conn.close().catch(() => undefined);
  await database.drop();
  await server.close();
  console.log(`load average at end (1/5/15 min): ${loadavg()}`);
}
