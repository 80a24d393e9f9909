// PeeringDB sync benchmark (prints figures; not a test):
//   npx tsx bench/peeringdb-sync.ts [--scale 1] [--db pglite|postgres|both] [--repeat N] [--floor copy|json|values]
// For each database: a floor load (plain fetch + plain INSERT of the same rows), Peerdesk's full
// sync and its ratio to the floor, the sync's peak RSS in a child process, then two incremental syncs.
import { parseArgs } from 'node:util';
import { objectTypes } from '@/lib/peeringdb/object-types';
import { syncPeeringDb, type TypeResult } from '@/lib/peeringdb/sync';
import { startPeeringDbTestServer, type PeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { type DbKind, type FloorInsert, type FloorResult, createDatabase, floorLoad, freshDatabase, runWorker } from './sync-worker';

const { values: args } = parseArgs({ options: { scale: { type: 'string', default: '1' }, db: { type: 'string', default: 'both' }, repeat: { type: 'string', default: '1' }, floor: { type: 'string', default: 'copy' } } });
const scale = Number(args.scale);
const repeat = Math.max(1, Number(args.repeat) || 1);
const kinds: DbKind[] = args.db === 'both' ? ['pglite', 'postgres'] : [args.db as DbKind];
// copy (default): COPY FROM STDIN per page, the least work for these rows (issue 17's floor);
// json: one plain INSERT per page from a json parameter; values: drizzle insert().values(), a parameter per cell.
const floorInsert = args.floor as FloorInsert;
if (!['values', 'json', 'copy'].includes(floorInsert) || kinds.some((k) => k !== 'pglite' && k !== 'postgres')) throw new Error('Usage: --db pglite|postgres|both --floor copy|json|values');
const API_KEY = 'bench-key';

type Run = {
  floor: FloorResult;
  syncMs: number;
  types: TypeResult[];
  nothingMs: number;
  onePctMs: number;
  onePct: TypeResult[];
  waits: string[];
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sum = (results: TypeResult[], key: 'upserted' | 'deleted') => results.reduce((n, r) => n + r[key], 0);
const secs = (ms: number) => (ms / 1000).toFixed(2);

/**
 * The server builds per-type caches on first use (field kinds for list queries, the `updated`
 * index for `since` queries, rebuilt after each mutation). Filling them untimed keeps that cost
 * out of whichever step happens to ask first; it also warms fetch/JSON in this process.
 */
async function warmServer(server: PeeringDbTestServer, since: boolean) {
  for (const { tag } of objectTypes) {
    const query = since ? `since=${server.store.latestUpdate()}&` : '';
    // A keep-alive socket the busy in-process server already closed resets the first request: ask again.
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(`${server.url}/${tag}?${query}limit=1&depth=0`, { headers: { authorization: `Api-Key ${API_KEY}` } });
        await res.text();
        break;
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }
  }
}

async function runOnce(server: PeeringDbTestServer, kind: DbKind): Promise<Run> {
  server.reset();
  // A retry or throttle wait inside a timed sync would make the figures unfair: count them.
  const waits: string[] = [];
  const client = { url: server.url, apiKey: API_KEY, onWait: (reason: string) => waits.push(reason) };

  const floorDb = await freshDatabase(kind);
  await warmServer(server, false);
  const floor = await floorLoad(floorDb.conn.db, server.url, API_KEY, floorInsert);
  await floorDb.drop();

  const syncDb = await freshDatabase(kind);
  try {
    let started = performance.now();
    const types = await syncPeeringDb({ client, full: true });
    const syncMs = performance.now() - started;

    await warmServer(server, true);
    started = performance.now();
    await syncPeeringDb({ client });
    const nothingMs = performance.now() - started;

    server.store.mutate({ fraction: 0.01 });
    await warmServer(server, true);
    started = performance.now();
    const onePct = await syncPeeringDb({ client });
    const onePctMs = performance.now() - started;
    return { floor, syncMs, types, nothingMs, onePctMs, onePct, waits };
  } finally {
    await syncDb.drop();
  }
}

/** Full sync (or floor) in a child, into a database made beforehand, so its peak RSS is its own. */
async function peakRss(server: PeeringDbTestServer, kind: DbKind, mode: 'sync' | 'floor') {
  server.reset();
  const { location, drop } = await createDatabase(kind);
  try {
    return JSON.parse(await runWorker([mode, location, server.url, API_KEY, floorInsert])) as {
      ms: number;
      baselineMb: number;
      peakMb: number;
    };
  } finally {
    await drop();
  }
}

function report(kind: DbKind, runs: Run[], mem: { sync: { peakMb: number; baselineMb: number }; floor: { peakMb: number } }) {
  const m = (pick: (r: Run) => number) => median(runs.map(pick));
  const floorTotal = m((r) => r.floor.totalMs);
  const syncMs = m((r) => r.syncMs);
  const last = runs[runs.length - 1];
  const lines = [
    `### ${kind} (scale ${scale}, ${repeat === 1 ? 'single run' : `median of ${repeat} runs`}, floor ${floorInsert === 'copy' ? 'COPY' : floorInsert === 'json' ? 'inserts with json_to_recordset' : 'inserts with drizzle values()'})`,
    '',
    '| measure | value | target |',
    '|---|---:|---:|',
    `| floor fetch+parse | ${secs(m((r) => r.floor.fetchMs))} s | |`,
    `| floor insert (incl. toRow, BEGIN/COMMIT) | ${secs(m((r) => r.floor.insertMs))} s | |`,
    `| floor total | ${secs(floorTotal)} s | |`,
    `| Peerdesk full sync | ${secs(syncMs)} s | |`,
    `| ratio sync / floor | ${(syncMs / floorTotal).toFixed(2)}× | ≤ 1.3× |`,
    `| peak RSS, full sync (child process) | ${mem.sync.peakMb.toFixed(0)} MB | < ${kind === 'postgres' ? 350 : 400} MB |`,
    `| peak RSS, floor (child process) | ${mem.floor.peakMb.toFixed(0)} MB | |`,
    `| RSS before loading (node + tsx + open db) | ${mem.sync.baselineMb.toFixed(0)} MB | |`,
    `| incremental, nothing changed | ${secs(m((r) => r.nothingMs))} s | < 0.3 s |`,
    `| incremental, 1% changed | ${secs(m((r) => r.onePctMs))} s (${sum(last.onePct, 'upserted')} upserted, ${sum(last.onePct, 'deleted')} deleted) | < 3 s |`,
    '',
    '| type | rows | floor fetch ms | floor insert ms | sync ms | ratio | 1% upserted | 1% deleted | 1% ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { tag } of objectTypes) {
    const floor = m((r) => r.floor.types[tag].fetchMs + r.floor.types[tag].insertMs);
    const sync = m((r) => r.types.find((t) => t.tag === tag)!.ms);
    const inc = last.onePct.find((t) => t.tag === tag)!;
    const f = last.floor.types[tag];
    lines.push(
      `| ${tag} | ${f.rows} | ${m((r) => r.floor.types[tag].fetchMs).toFixed(0)} | ${m((r) => r.floor.types[tag].insertMs).toFixed(0)} | ${sync.toFixed(0)} | ${(sync / floor).toFixed(2)}× | ${inc.upserted} | ${inc.deleted} | ${m((r) => r.onePct.find((t) => t.tag === tag)!.ms).toFixed(0)} |`,
    );
  }
  const waits = runs.flatMap((r) => r.waits);
  if (waits.length) lines.push('', `Note: the client waited/retried ${waits.length} time(s) during timed syncs (${[...new Set(waits)].join('; ')}).`);
  console.log(`${lines.join('\n')}\n`);
}

// Each PGlite opened adds an 'exit' listener (db/pglite-lock.ts never removes it); --repeat opens many.
process.setMaxListeners(0);
const generating = performance.now();
const server = await startPeeringDbTestServer({ seed: 1, scale, apiKeys: [API_KEY] });
console.error(`test server: ${JSON.stringify(server.store.counts())} generated in ${secs(performance.now() - generating)} s`);
try {
  for (const kind of kinds) {
    const runs: Run[] = [];
    for (let i = 0; i < repeat; i++) {
      console.error(`${kind}: run ${i + 1}/${repeat}`);
      runs.push(await runOnce(server, kind));
    }
    console.error(`${kind}: peak memory runs`);
    const mem = { sync: await peakRss(server, kind, 'sync'), floor: await peakRss(server, kind, 'floor') };
    report(kind, runs, mem);
  }
} finally {
  await server.close();
}
