// `next start`, plus the connecting address on every request (scripts/peer-address.mjs), in one process,
// or in WEB_CONCURRENCY processes sharing the port (node:cluster) to use more than one core on PostgreSQL.
// Migrations, the scheduler and clean shutdown stay with the app (instrumentation.ts), in each process.
import cluster from 'node:cluster';
import http from 'node:http';
import path from 'node:path';
import v8 from 'node:v8';
import { appendPeer } from './peer-address.mjs';

// V8 lets the old generation grow to about four times what survived the last full GC before the next one:
// with the server's ~80 MB of live heap, a PeeringDB sync's garbage (each page parsed, converted and
// serialized) took it to ~270 MB. Growing by half instead keeps that peak near 130 MB for a few more
// full GCs (bench/app-sync-memory.ts, bench/README.md). Set before the server allocates anything.
const HEAP_FLAG = '--heap-growing-percent=50';
const workers = Number(process.env.WEB_CONCURRENCY || 1);
const REQUESTS_PER_CONNECTION = 100;

if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
  console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${process.env.WEB_CONCURRENCY}")`);
  process.exit(1);
}
if (workers > 1 && !process.env.DATABASE_URL) {
  console.error('WEB_CONCURRENCY above 1 needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process');
  process.exit(1);
}

if (workers > 1 && cluster.isPrimary) {
  superviseWorkers(workers);
} else {
  if (cluster.isPrimary) v8.setFlagsFromString(HEAP_FLAG);
  await serve();
}

async function serve() {
  // As `next start` does, and before React and Next are loaded: they pick their build by it.
  process.env.NODE_ENV = 'production';
  const { default: next } = await import('next');
  const port = Number(process.env.PORT ?? 3000);
  const app = next({ dir: path.resolve(import.meta.dirname, '..'), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    appendPeer(req);
    handle(req, res);
  });
  // Workers accept connections themselves (below), and a kept-alive connection stays with the worker that
  // accepted it: ten connections opened at once can all land on one worker while another idles. Closing each
  // connection after REQUESTS_PER_CONNECTION answers lets the client reconnect to whichever worker is free.
  if (cluster.isWorker) server.maxRequestsPerSocket = REQUESTS_PER_CONNECTION;
  server.listen(port);
}

/**
 * The primary only starts workers (each a whole server on the shared port), replaces one that dies, and on
 * SIGTERM/SIGINT passes the signal on and exits when they have all stopped. A worker that keeps dying (five
 * times within a minute) stops the whole server rather than loop.
 */
function superviseWorkers(count) {
  // Each worker accepts from the shared socket itself. With Node's default round robin the primary accepts
  // and hands each connection over, and one handed to a worker as it dies hangs until the client gives up.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({ execArgv: [...process.execArgv, HEAP_FLAG] });
  let stopping = false;
  let status = 0;
  const deaths = [];
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(status);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && deaths[0] < now - 60_000) deaths.shift();
    console.error(`Peerdesk worker ${worker.process.pid} exited (${signal ?? code})${deaths.length >= 5 ? '; too often, stopping' : '; starting another'}`);
    if (deaths.length >= 5) stop('SIGTERM', 1);
    else cluster.fork();
  });
  const stop = (signal, exitCode = 0) => {
    stopping = true;
    status = exitCode;
    const alive = Object.values(cluster.workers ?? {});
    if (!alive.length) process.exit(status);
    for (const w of alive) w?.process.kill(signal);
    // A worker that does not finish its shutdown (a job holding the database) is not waited for forever.
    setTimeout(() => Object.values(cluster.workers ?? {}).forEach((w) => w?.process.kill('SIGKILL')), 20_000).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
}
