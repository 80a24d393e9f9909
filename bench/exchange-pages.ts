// IXs pages and API under load (prints figures; not a test):
//   npx tsx bench/exchange-pages.ts [--duration 20] [--connections 10] [--warmup 5]
//     [--only a,b,c1,c2|pages] [--profile] [--also PATH,...] [--app head|repo|DIR]
// --only pages: every list and details page (issue 17), each against median < 100 ms, p95 < 150 ms
// and at least 2/3 of the throughput of /scheduler (the simplest signed-in page) in the same run.
// --profile: V8 CPU profile of the app, summarized (slows it). --also: more signed-in GETs to compare,
// `{ix}` = the largest exchange's id; prefix `rsc:` asks for the RSC payload (client navigation), `anon:` sends no cookie.
// A throwaway PostgreSQL database filled from the PeeringDB test server at production scale, plus
// peering work at our exchanges; the app started with `node scripts/start.mjs` on it; then each
// endpoint loaded by a closed-loop Node client (bench/http-load.ts) and the two list queries EXPLAINed.
// --app head (default) runs the app from a `git archive HEAD` copy in $TMPDIR, built there and kept
// per commit: `next build` in the shared checkout replaces the .next others serve from, and fails
// on their half-written files. --app repo runs it in this checkout, as `npm start` does; --app DIR
// runs another copy (a patched one, to try a fix).
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { syncPeeringDb } from '@/lib/peeringdb/sync';
import { startPeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { profilerPreload, summarizeProfiles } from './cpu-profile';
import { seedExchangeWork } from './exchange-fixture';
import { explainExchangeQueries } from './exchange-explain';
import { load, signIn, summarize, warmEvery } from './http-load';
import { createDatabase, openDatabase } from './sync-worker';
import { stopChild } from './stop-child';

const { values: args } = parseArgs({ options: { duration: { type: 'string', default: '20' }, connections: { type: 'string', default: '10' }, warmup: { type: 'string', default: '5' }, app: { type: 'string', default: 'head' }, only: { type: 'string', default: 'a,b,c1,c2' }, profile: { type: 'boolean', default: false }, also: { type: 'string', default: '' } } });
const duration = Number(args.duration);
const connections = Number(args.connections);
const warmup = Number(args.warmup);
const root = path.resolve(import.meta.dirname, '..');
const API_KEY = 'bench-key';
const login = { email: 'bench@example.net', password: randomBytes(12).toString('base64url') };
const loadavg = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const buildId = () => fs.readFileSync(path.join(appRoot, '.next', 'BUILD_ID'), 'utf8').trim();
const profileDir = path.join(os.tmpdir(), `peerdesk-bench-profile-${process.pid}`);
const bodiesDir = path.join(os.tmpdir(), `peerdesk-bench-bodies-${process.pid}`);
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const appRoot = args.app === 'repo' ? root : args.app === 'head' ? headCopy() : path.resolve(args.app);

/** node_modules as hard links: same files, no copy, and Turbopack refuses a symlink leaving the project. */
function headCopy() {
  const commit = execSync('git rev-parse HEAD', { cwd: root }).toString().trim();
  const dir = path.join(os.tmpdir(), `peerdesk-bench-app-${commit.slice(0, 12)}`);
  if (fs.existsSync(path.join(dir, '.bench-complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  execSync(`git archive HEAD | tar -x -C ${dir} && cp -al node_modules ${dir}/node_modules`, { cwd: root });
  fs.writeFileSync(path.join(dir, '.bench-complete'), commit);
  return dir;
}

console.log(`load average at start (1/5/15 min): ${loadavg()}  (${os.cpus().length} CPUs)`);
const server = await startPeeringDbTestServer({ seed: 1, scale: 1, apiKeys: [API_KEY] });
const database = await createDatabase('postgres').catch(async (err) => {
  await server.close();
  throw err;
});
const conn = openDatabase(database.location);
let app: ChildProcess | undefined;

let cleaning: Promise<void> | undefined;
const cleanup = () => (cleaning ??= stopAll());
async function stopAll() {
  await stopChild(app);
  await conn.close().catch(() => undefined);
  await database.drop();
  await server.close();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

function freePort() {
  return new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startApp(port: number, logFile: string) {
  const out = fs.openSync(logFile, 'w');
  const env = {
    ...process.env, DATABASE_URL: database.location, PORT: String(port), ADMIN_EMAIL: login.email, ADMIN_PASSWORD: login.password,
    AUTH_SECRET: randomBytes(32).toString('base64'), APP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Never the real PeeringDB, should the scheduler start a refresh after all.
    PEERINGDB_URL: server.url, PEERINGDB_API_KEY: API_KEY,
    ...(args.profile && { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${profilerPreload(profileDir)}` }),
  };
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: appRoot, env, stdio: ['ignore', out, out] });
  app = child;
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // Long enough for a `next build` on two busy cores.
  while (performance.now() - started < 20 * 60_000) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}; see ${logFile}`);
    const healthy = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return { base, seconds: (performance.now() - started) / 1000, built: fs.readFileSync(logFile, 'utf8').includes('Building Peerdesk') };
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no /api/health after 20 min; see ${logFile}`);
}

try {
  const t = performance.now();
  log(`test server: ${JSON.stringify(server.store.counts())}; full sync into ${new URL(database.location).pathname.slice(1)}`);
  await syncPeeringDb({ client: { url: server.url, apiKey: API_KEY }, full: true });
  const syncSeconds = (performance.now() - t) / 1000;
  const fixture = await seedExchangeWork(conn.db, login);
  const ix = fixture.largest;
  console.log(`dataset: scale 1, full sync ${syncSeconds.toFixed(1)} s; AS65001 at ${fixture.exchanges.length} exchanges (${fixture.exchanges.map((x) => `${x.name}: ${x.networks}`).join(', ')} networks)`);
  console.log(`peering work: ${fixture.counts.statuses} peer statuses, ${fixture.counts.notes} notes, ${fixture.counts.sessions} sessions; largest exchange: ${ix.name} (id ${ix.id}, ${ix.ports} ports)`);

  const logFile = path.join(os.tmpdir(), `peerdesk-bench-app-${process.pid}.log`);
  const started = await startApp(await freePort(), logFile);
  const builtAs = buildId();
  console.log(`app: node scripts/start.mjs in ${appRoot}${args.app === 'head' ? ' (git archive HEAD)' : ''}, ready in ${started.seconds.toFixed(1)} s (${started.built ? 'built first' : 'existing build'} ${builtAs}); log ${logFile}`);

  const cookie = await signIn(started.base, login.email, login.password);
  const bearer = { authorization: `Bearer ${fixture.token}` };
  // [key, label, path, headers, text the answer must contain]
  const all: [string, string, string, Record<string, string>, string][] = [
    ['a', '(a) GET /api/v1/exchanges', '/api/v1/exchanges', bearer, `"id":${ix.id}`],
    ['b', `(b) GET /api/v1/exchanges/${ix.id}/networks?limit=50`, `/api/v1/exchanges/${ix.id}/networks?limit=50`, bearer, '"lastNote"'],
    ['c1', '(c) page /peering/ixs', '/peering/ixs', { cookie }, `data-testid="exchange-${ix.id}"`],
    ['c2', `(c) page /peering/ixs/${ix.id}?tab=communications`, `/peering/ixs/${ix.id}?tab=communications`, { cookie }, 'data-testid="network-'],
  ];
  const extra = args.also.split(',').filter(Boolean).map((spec, i): (typeof all)[number] => {
    const [, kind = '', url] = /^(rsc:|anon:)?(.*)$/.exec(spec.replaceAll('{ix}', String(ix.id)))!;
    const headers: Record<string, string> = kind === 'anon:' ? {} : kind === 'rsc:' ? { cookie, rsc: '1' } : { cookie };
    return [`x${i}`, `(extra) ${kind === 'rsc:' ? 'RSC' : kind === 'anon:' ? 'no cookie' : 'signed in'} ${url}`, url, headers, ''];
  });
  const one = async (query: ReturnType<typeof sql>) => ((await conn.db.execute(query)) as unknown as { rows: { v: number }[] }).rows[0].v;
  const routerId = await one(sql`select id as v from routers order by id limit 1`);
  const peerAsn = await one(sql`select peer_asn::float8 as v from bgp_sessions where ix_id = ${ix.id} order by peer_asn limit 1`);
  const sessionId = await one(sql`select id as v from bgp_sessions where peer_asn = ${peerAsn} order by id limit 1`);
  const page = (key: string, url: string, expect: string): (typeof all)[number] => [key, `page ${url}`, url, { cookie }, expect];
  const pages: (typeof all)[number][] = [
    page('p0', '/scheduler', 'Scheduler'),
    page('p1', '/peering/ixs', `data-testid="exchange-${ix.id}"`),
    page('p2', `/peering/ixs/${ix.id}`, ix.name),
    page('p3', `/peering/ixs/${ix.id}?tab=communications`, 'data-testid="network-'),
    page('p4', `/peering/ixs/${ix.id}?tab=sessions`, ix.name),
    page('p5', '/peering/sessions', 'data-testid="session-'),
    page('p6', `/peering/sessions/${sessionId}`, `AS${peerAsn}`),
    page('p7', '/peering/peers', 'data-testid="peer-'),
    page('p8', `/peering/peers/${peerAsn}`, `AS${peerAsn}`),
    page('p9', '/peering/routers', 'bench-rtr1'),
    page('p10', `/peering/routers/${routerId}`, 'bench-rtr1'),
  ];
  const only = args.only.split(',');
  const endpoints = [...all.filter(([key]) => only.includes(key)), ...(only.includes('pages') ? pages : []), ...extra];
  // A redirect to /login or an empty list would be fast and wrong: check each answer once first (kept in bodiesDir).
  fs.mkdirSync(bodiesDir, { recursive: true });
  for (const endpoint of endpoints) {
    const [key, label, , headers, expect] = endpoint;
    let res = await fetch(started.base + endpoint[2], { headers, redirect: 'manual' });
    // Next sends RSC requests to the same URL with its cache-busting _rsc parameter added.
    if (headers.rsc && res.status === 307) res = await fetch(started.base + (endpoint[2] = res.headers.get('location')!.replace(started.base, '')), { headers, redirect: 'manual' });
    const body = await res.text();
    fs.writeFileSync(path.join(bodiesDir, `${key}.txt`), body);
    if (res.status !== 200 || !body.includes(expect)) throw new Error(`${label}: HTTP ${res.status}, ${body.length} bytes, without ${expect}`);
  }
  log(`warming every endpoint for ${warmup} s`);
  await warmEvery(endpoints.map(([, , url, headers]) => ({ url: started.base + url, headers })), connections, warmup);
  const appPid = app!.pid!;
  const dbName = new URL(database.location).pathname.slice(1);
  const dbPids = async () => ((await conn.db.execute(sql`select pid from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid()`)) as unknown as { rows: { pid: number }[] }).rows.map((r) => r.pid);

  const table = [
    `### ${args.profile ? 'PROFILED (slower than normal): ' : ''}${connections} concurrent clients, ${duration} s each after ${warmup} s warm-up, every endpoint warmed ${warmup} s first (Node closed-loop client, keep-alive, loopback)`,
    '',
    '| endpoint | requests | errors | median ms | p95 ms | p99 ms | req/s | KB/resp | CPU ms/req: app | PostgreSQL | client |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const measured: { key: string; label: string; median: number; p95: number; rps: number }[] = [];
  for (const [key, label, url, headers] of endpoints) {
    log(`loading ${label}`);
    const s = summarize(await load({ url: started.base + url, headers, connections, seconds: duration, warmup, appPid, dbPids }));
    measured.push({ key, label, median: s.median, p95: s.p95, rps: s.rps });
    const errors = s.errors ? `${s.errors} (${Object.entries(s.statuses).map(([k, n]) => `${k}: ${n}`).join(', ')}${s.firstError ? `; ${s.firstError}` : ''})` : '0';
    const f = (n: number) => n.toFixed(1);
    table.push(`| ${label} | ${s.requests} | ${errors} | ${f(s.median)} | ${f(s.p95)} | ${f(s.p99)} | ${f(s.rps)} | ${f(s.kb)} | ${f(s.perRequest.app)} | ${f(s.perRequest.db)} | ${f(s.perRequest.client)} |`);
  }
  console.log(`\n${table.join('\n')}\n`);
  const baseline = measured.find((m) => m.key === 'p0');
  if (baseline) {
    const verdict = (ok: boolean) => (ok ? 'ok' : '**MISSED**');
    const rows = measured
      .filter((m) => m.key.startsWith('p') && m !== baseline)
      .map((m) => `| ${m.label} | ${m.median.toFixed(1)} ${verdict(m.median < 100)} | ${m.p95.toFixed(1)} ${verdict(m.p95 < 150)} | ${(m.rps / baseline.rps).toFixed(2)} ${verdict(m.rps >= (2 / 3) * baseline.rps)} |`);
    console.log(['### Against the targets (issue 17)', '', `Throughput baseline: ${baseline.label}, ${baseline.rps.toFixed(1)} req/s, median ${baseline.median.toFixed(1)} ms.`, '', '| page | median ms (< 100) | p95 ms (< 150) | throughput / baseline (≥ 0.67) |', '|---|---:|---:|---:|', ...rows, ''].join('\n'));
  }
  console.log(`One response of each kept in ${bodiesDir}.`);
  console.log('Target: median < 100 ms at 10 clients. CPU ms/req: the app = start.mjs + next start process tree; PostgreSQL = backends on the bench database.');
  if (app!.exitCode !== null || app!.signalCode) console.log(`WARNING: the app exited during the run (${app!.exitCode ?? app!.signalCode}); see ${logFile}.`);
  if (buildId() !== builtAs) console.log(`WARNING: .next was rebuilt by someone else during the run (${builtAs} -> ${buildId()}); figures may include errors from that.`);
  const [jobs] = ((await conn.db.execute(sql`select count(*)::int as n from jobs where status in ('running', 'succeeded', 'failed') and summary <> 'bench: synced directly'`)) as unknown as { rows: { n: number }[] }).rows;
  if (jobs.n) console.log(`WARNING: ${jobs.n} background job(s) ran during the run.`);

  log('EXPLAIN (ANALYZE, BUFFERS)');
  const plans = await explainExchangeQueries(database.location, ix.id);
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS), warm cache (full plans: ${plans.file}):\n${plans.lines.join('\n')}\n`);
} finally {
  await cleanup();
  console.log(`load average at end (1/5/15 min): ${loadavg()}`);
}
// Written by the app when it exits (SIGTERM -> process.exit in lib/server/startup.ts).
if (args.profile) console.log(`\nApp CPU profile (warm-up and load of: ${args.only}; profiling adds overhead):\n${summarizeProfiles(profileDir).join('\n')}`);
