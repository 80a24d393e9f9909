// 50 virtual users browsing lists and details for 60 s, signed in, against a production build on
// PostgreSQL at production scale (prints figures; not a timed test):
//   npx tsx bench/load.ts [--users 50] [--duration 60] [--warmup 10] [--think 0] [--solo 0] [--app DIR]
// --app DIR: run the app from another copy (built there), not this checkout.
// --think MS: each user pauses a random 0..2×MS between requests (0: back to back, the server saturated).
// --solo S: first, S seconds of one user alone, for each page's own cost without queueing.
// The PeeringDB test server at scale 1, a full sync into a throwaway database (BENCH_DATABASE_URL's
// server), peering work at our exchanges (bench/exchange-fixture.ts), then `node scripts/start.mjs`
// in this checkout (NEXT_DIST_DIR picks the build). Each user signs in once and then, in a closed
// loop, requests a random page or API list of the mix; per-page request count, errors, p50/p95/p99.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { syncPeeringDb } from '@/lib/peeringdb/sync';
import { startPeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { seedExchangeWork } from './exchange-fixture';
import { percentile, signIn } from './http-load';
import { createDatabase, openDatabase } from './sync-worker';
import { stopChild } from './stop-child';

const { values: args } = parseArgs({ options: { users: { type: 'string', default: '50' }, duration: { type: 'string', default: '60' }, warmup: { type: 'string', default: '10' }, think: { type: 'string', default: '0' }, solo: { type: 'string', default: '0' }, app: { type: 'string', default: '' } } });
const users = Number(args.users);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const think = Number(args.think);
const solo = Number(args.solo);
const root = path.resolve(import.meta.dirname, '..');
const API_KEY = 'bench-key';
const login = { email: 'load@example.net', password: randomBytes(12).toString('base64url') };
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const loadavg = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/** `error`: what went wrong when the status is not 200 (the HTTP status, or the socket error's code). */
type Sample = { page: string; status: number; ms: number; error?: string; retried?: boolean };

/**
 * One GET. Like a browser (RFC 9112 9.3.1), a request on a kept-alive connection that the server closed
 * meanwhile (ECONNRESET before any answer) is sent once more on a new connection; it counts as retried.
 */
function get(agent: http.Agent, base: string, url: string, headers: Record<string, string>, retried = false, started = performance.now()): Promise<Omit<Sample, 'page'>> {
  return new Promise((resolve) => {
    const failed = (req: http.ClientRequest, err: Error & { code?: string }) => {
      if (!retried && req.reusedSocket && err.code === 'ECONNRESET') return void get(agent, base, url, headers, true, started).then(resolve);
      resolve({ status: 0, ms: performance.now() - started, error: err.code ?? err.message, retried });
    };
    const req = http.get(base + url, { agent, headers, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, retried, ...(res.statusCode !== 200 && { error: `HTTP ${res.statusCode}` }) }));
      res.on('error', (err) => failed(req, err));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => failed(req, err));
  });
}

function freePort() {
  return new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

console.log(`load average at start (1/5/15 min): ${loadavg()} (${os.cpus().length} CPUs)`);
const server = await startPeeringDbTestServer({ seed: 1, scale: 1, apiKeys: [API_KEY] });
const database = await createDatabase('postgres');
const conn = openDatabase(database.location);
let app: ChildProcess | undefined;

async function cleanup() {
  await stopChild(app);
  await conn.close().catch(() => undefined);
  await database.drop();
  await server.close();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

try {
  let t = performance.now();
  await syncPeeringDb({ client: { url: server.url, apiKey: API_KEY }, full: true });
  const syncSeconds = (performance.now() - t) / 1000;
  const fixture = await seedExchangeWork(conn.db, login);
  const ix = fixture.largest;
  const other = fixture.exchanges.at(-1)!;
  const [session] = ((await conn.db.execute(sql`select id from bgp_sessions order by id limit 1`)) as unknown as { rows: { id: number }[] }).rows;
  const [router] = ((await conn.db.execute(sql`select id from routers order by id limit 1`)) as unknown as { rows: { id: number }[] }).rows;
  console.log(`dataset: scale 1, full sync ${syncSeconds.toFixed(1)} s; AS65001 at ${fixture.exchanges.length} exchanges; largest ${ix.name} (${ix.ports} ports); ${fixture.counts.sessions} sessions, ${fixture.counts.statuses} peer statuses`);

  const port = await freePort();
  const logFile = path.join(os.tmpdir(), `peerdesk-load-app-${process.pid}.log`);
  const out = fs.openSync(logFile, 'w');
  app = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: args.app ? path.resolve(args.app) : root,
    stdio: ['ignore', out, out],
    env: {
      ...process.env, DATABASE_URL: database.location, PORT: String(port), AUTH_SECRET: randomBytes(32).toString('base64'),
      APP_ENCRYPTION_KEY: randomBytes(32).toString('base64'), PEERINGDB_URL: server.url, PEERINGDB_API_KEY: API_KEY,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  t = performance.now();
  while (!(await fetch(`${base}/api/health`).then((r) => r.ok, () => false))) {
    if (app.exitCode !== null) throw new Error(`the app exited; see ${logFile}`);
    if (performance.now() - t > 20 * 60_000) throw new Error(`no /api/health after 20 min; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`app: node scripts/start.mjs (${process.env.NEXT_DIST_DIR ?? '.next'}), ready in ${((performance.now() - t) / 1000).toFixed(1)} s; log ${logFile}`);

  // One after the other: sign-in is rate limited per account, and ten at once trip it.
  const cookies: string[] = [];
  for (let i = 0; i < Math.min(users, 3); i++) cookies.push(await signIn(base, login.email, login.password));
  const bearer = { authorization: `Bearer ${fixture.token}` };
  const pages: [string, string, 'cookie' | 'bearer'][] = [
    ['IX list', '/peering/ixs', 'cookie'],
    [`largest IX networks (${ix.name})`, `/peering/ixs/${ix.id}?tab=communications`, 'cookie'],
    ['largest IX networks, page 3', `/peering/ixs/${ix.id}?tab=communications&offset=100`, 'cookie'],
    ['largest IX networks, search', `/peering/ixs/${ix.id}?tab=communications&q=net`, 'cookie'],
    [`small IX details (${other.name})`, `/peering/ixs/${other.id}`, 'cookie'],
    ['IX sessions tab', `/peering/ixs/${ix.id}?tab=sessions`, 'cookie'],
    ['sessions list', '/peering/sessions', 'cookie'],
    ['session details', `/peering/sessions/${session?.id ?? 1}`, 'cookie'],
    ['peers list', '/peering/peers', 'cookie'],
    ['routers', '/peering/routers', 'cookie'],
    ['router details', `/peering/routers/${router?.id ?? 1}`, 'cookie'],
    ['API exchanges', '/api/v1/exchanges', 'bearer'],
    ['API exchange networks', `/api/v1/exchanges/${ix.id}/networks?limit=50`, 'bearer'],
    ['API sessions', '/api/v1/sessions?limit=50', 'bearer'],
    ['API routers', '/api/v1/routers', 'bearer'],
  ];
  // Every page answers 200 once before the load (a redirect to /login would be fast and wrong).
  for (const [label, url, auth] of pages) {
    const res = await fetch(base + url, { headers: auth === 'cookie' ? { cookie: cookies[0] } : bearer, redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status !== 200) console.log(`WARNING: ${label} (${url}) answered ${res.status} before the load`);
  }

  const agent = new http.Agent({ keepAlive: true, maxSockets: users });
  const run = async (seconds: number, count = users, pause = think) => {
    const samples: Sample[] = [];
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(Array.from({ length: count }, async (_, u) => {
      const headers = { cookie: cookies[u % cookies.length] };
      // Each user walks the whole mix, starting at its own place in it.
      let i = u;
      while (performance.now() < deadline) {
        const [label, url, auth] = pages[i++ % pages.length];
        samples.push({ page: label, ...(await get(agent, base, url, auth === 'cookie' ? headers : bearer)) });
        if (pause) await new Promise((r) => setTimeout(r, Math.random() * 2 * pause));
      }
    }));
    return samples;
  };
  log(`warm-up ${warmup} s`);
  await run(warmup);
  const table = (title: string, samples: Sample[]) => {
    const rows = [title, '', '| page | requests | errors | p50 ms | p95 ms | p99 ms |', '|---|---:|---:|---:|---:|---:|'];
    const line = (label: string, list: Sample[]) => {
      const ms = list.map((s) => s.ms).sort((a, b) => a - b);
      const errors = list.filter((s) => s.status !== 200).length;
      return `| ${label} | ${list.length} | ${errors} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 95).toFixed(0)} | ${percentile(ms, 99).toFixed(0)} |`;
    };
    for (const [label] of pages) rows.push(line(label, samples.filter((s) => s.page === label)));
    rows.push(line('**all**', samples));
    return `\n${rows.join('\n')}\n`;
  };
  if (solo) {
    log(`one user alone, ${solo} s`);
    console.log(table(`### one user alone, ${solo} s, back to back: each page's own cost`, await run(solo, 1, 0)));
  }
  log(`load: ${users} users, ${duration} s`);
  const samples = await run(duration);
  agent.destroy();

  console.log(table(`### ${users} concurrent signed-in users${think ? `, ${think} ms mean think time` : ', back to back'}, ${duration} s after ${warmup} s warm-up (production build, PostgreSQL, PeeringDB scale 1)`, samples));
  const all = samples.map((x) => x.ms).sort((a, b) => a - b);
  const errors = samples.filter((x) => x.status !== 200).length;
  const rps = samples.length / duration;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const targets = think
    ? `errors ${errors} (0: ${verdict(!errors)}), p95 ${percentile(all, 95).toFixed(0)} ms (< 150: ${verdict(percentile(all, 95) < 150)}), p99 ${percentile(all, 99).toFixed(0)} ms (< 300: ${verdict(percentile(all, 99) < 300)})`
    : `errors ${errors} (0: ${verdict(!errors)}), ${rps.toFixed(1)} req/s (>= 150: ${verdict(rps >= 150)})`;
  console.log(`${rps.toFixed(1)} requests/s overall. Against the targets (issue 17): ${targets}.`);
  const kinds = new Map<string, number>();
  for (const x of samples) if (x.error) kinds.set(`${x.page}: ${x.error}`, (kinds.get(`${x.page}: ${x.error}`) ?? 0) + 1);
  if (kinds.size) console.log(`Errors: ${[...kinds].map(([kind, n]) => `${kind} ×${n}`).join('; ')}.`);
  const retried = samples.filter((x) => x.retried).length;
  if (retried) console.log(`${retried} request(s) sent again after the server closed their kept-alive connection (timed from the first attempt).`);
} finally {
  await cleanup();
  console.log(`load average at end (1/5/15 min): ${loadavg()}`);
}
