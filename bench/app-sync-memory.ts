// Peak memory of Peerdesk's own processes (scripts/start.mjs and the Next.js server it starts) while
// the server runs its first, full PeeringDB sync at production scale (prints figures; not a test):
//   npx tsx bench/app-sync-memory.ts [--db postgres|pglite] [--scale 1] [--app DIR]
// A fresh database with a local ASN; the app started on it with the PeeringDB test server as its
// PeeringDB, so that its scheduler starts the first sync as soon as it is up; RSS of the process tree sampled every
// 100 ms until the log says the sync job ended. --app DIR runs the app from another (built) copy.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { startPeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { descendants } from './http-load';
import { createDatabase, type DbKind, openDatabase } from './sync-worker';
import { stopChild } from './stop-child';

const { values: args } = parseArgs({ options: { db: { type: 'string', default: 'postgres' }, scale: { type: 'string', default: '1' }, app: { type: 'string', default: '' } } });
const kind = args.db as DbKind;
if (kind !== 'postgres' && kind !== 'pglite') throw new Error('Usage: --db postgres|pglite');
const target = kind === 'postgres' ? 350 : 400;
const root = path.resolve(import.meta.dirname, '..');
const appRoot = args.app ? path.resolve(args.app) : root;
const API_KEY = 'bench-key';

const rssMb = (pids: number[]) =>
  pids.reduce((sum, pid) => {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return sum + (status ? Number(status[1]) / 1024 : 0);
  }, 0);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

console.log(`load average at start (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} CPUs)`);
const server = await startPeeringDbTestServer({ seed: 1, scale: Number(args.scale), apiKeys: [API_KEY] });
const database = await createDatabase(kind);
// With a local ASN set, the server keeps a PeeringDB refresh scheduled, the first one due at once.
const setup = openDatabase(database.location);
await setup.db.execute(sql`insert into local_asns (asn) values (65001)`);
await setup.close();
let app: ChildProcess | undefined;
try {
  const logFile = path.join(os.tmpdir(), `peerdesk-sync-memory-${process.pid}.log`);
  const port = await freePort();
  const env = {
    ...process.env, PORT: String(port), AUTH_SECRET: randomBytes(32).toString('base64'), APP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PEERINGDB_URL: server.url, PEERINGDB_API_KEY: API_KEY,
    ...(kind === 'postgres' ? { DATABASE_URL: database.location } : { DATABASE_URL: '', PGLITE_DIR: database.location }),
  };
  app = spawn(process.execPath, ['scripts/start.mjs'], { cwd: appRoot, env, stdio: ['ignore', fs.openSync(logFile, 'w'), fs.openSync(logFile, 'a')] });
  const pid = app.pid!;
  let peak = 0;
  let idle = 0;
  let syncStarted = 0;
  let afterReady = 0;
  const started = performance.now();
  for (;;) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}; see ${logFile}`);
    if (performance.now() - started > 20 * 60_000) throw new Error(`no sync result after 20 min; see ${logFile}`);
    const log = fs.readFileSync(logFile, 'utf8');
    const rss = rssMb(descendants(pid).filter((p) => fs.existsSync(`/proc/${p}`)));
    // The scheduler's first tick comes right after "ready": what came before is start-up (migrations, Next.js).
    if (!syncStarted && /is ready on/.test(log)) syncStarted = performance.now();
    if (!syncStarted) idle = Math.max(idle, rss);
    else afterReady = Math.max(afterReady, rss);
    peak = Math.max(peak, rss);
    const ended = /job peeringdb\.sync (succeeded|failed)/.exec(log);
    if (ended) {
      console.log(`### ${kind}, PeeringDB scale ${args.scale}: the app's first (full) sync, ${ended[1]}`);
      console.log('');
      console.log('| measure | value | target |');
      console.log('|---|---:|---:|');
      console.log(`| peak RSS of start.mjs + Next.js server, whole run | ${peak.toFixed(0)} MB | < ${target} MB ${peak < target ? 'ok' : '**MISSED**'} |`);
      console.log(`| peak RSS from "ready" to the sync's result | ${afterReady.toFixed(0)} MB | |`);
      console.log(`| peak RSS during start-up, until "ready" | ${idle.toFixed(0)} MB | |`);
      console.log(`| from "ready" to the sync's result | ${((performance.now() - syncStarted) / 1000).toFixed(1)} s | |`);
      console.log(`| processes | ${descendants(pid).map((p) => fs.readFileSync(`/proc/${p}/comm`, 'utf8').trim()).join(', ')} | |`);
      console.log(`\napp log: ${logFile}`);
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
} finally {
  await stopChild(app);
  await database.drop();
  await server.close();
  console.log(`load average at end (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}
