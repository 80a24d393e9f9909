// Shared pieces of the PeeringDB sync benchmark, and its child process for peak-memory runs:
//   node --import tsx bench/sync-worker.ts <sync|floor> <database url or PGlite dir> <server url> <api key>
// prints one JSON line: { ms, baselineMb, peakMb }.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { connect, useConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import type { PeeringDbRow } from '@/lib/peeringdb/client';
import { objectTypes } from '@/lib/peeringdb/object-types';
import { syncPeeringDb } from '@/lib/peeringdb/sync';

export type DbKind = 'pglite' | 'postgres';
export const adminUrl = () => process.env.BENCH_DATABASE_URL || 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database, migrated and closed again; `location` is a URL or a PGlite directory. */
export async function createDatabase(kind: DbKind) {
  if (kind === 'postgres') {
    const name = `peerdesk_bench_${randomBytes(5).toString('hex')}`;
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    await admin(`create database ${name}`);
    const conn = connect({ databaseUrl: url.toString() });
    await migrateDatabase(conn, url.toString());
    await conn.close();
    return { location: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
  }
  // A directory, not memory://, because that is how Peerdesk runs embedded. Creating it runs
  // initdb, which leaves this process ~700 MB bigger for good: the child must not pay for that.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerdesk-bench-'));
  const conn = connect({ pgliteDir: dir });
  await migrateDatabase(conn);
  await conn.close();
  return { location: dir, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a database made by createDatabase as the app's connection. */
export function openDatabase(location: string) {
  const conn = location.startsWith('postgres') ? connect({ databaseUrl: location }) : connect({ pgliteDir: location });
  useConnection(conn);
  return conn;
}

/** A fresh, migrated database installed as the app's connection; `drop` closes and removes it. */
export async function freshDatabase(kind: DbKind) {
  const created = await createDatabase(kind);
  const conn = openDatabase(created.location);
  return {
    conn,
    drop: async () => {
      useConnection(undefined);
      await conn.close();
      await created.drop();
    },
  };
}

export type FloorResult = { fetchMs: number; insertMs: number; totalMs: number; types: Record<string, { rows: number; fetchMs: number; insertMs: number }> };

/**
 * The least work that moves the same data: the same pages, the same toRow, the same 1000-row
 * INSERTs (no ON CONFLICT), one transaction per type as the sync uses; nothing kept between pages.
 * Conversion and BEGIN/COMMIT count as insert time.
 */
export async function floorLoad(db: ReturnType<typeof connect>['db'], url: string, apiKey: string): Promise<FloorResult> {
  const headers = { accept: 'application/json', authorization: `Api-Key ${apiKey}` };
  const result: FloorResult = { fetchMs: 0, insertMs: 0, totalMs: 0, types: {} };
  for (const type of objectTypes) {
    const started = performance.now();
    let fetchMs = 0;
    let rows = 0;
    await db.transaction(async (tx) => {
      for (let skip = 0; ; skip += 1000) {
        const t0 = performance.now();
        const res = await fetch(`${url}/${type.tag}?limit=1000&skip=${skip}&depth=0`, { headers });
        const page = (JSON.parse(await res.text()) as { data: PeeringDbRow[] }).data;
        fetchMs += performance.now() - t0;
        if (!page.length) break;
        const converted = page.map(type.toRow).filter((r) => r !== null);
        if (converted.length) await tx.insert(type.table).values(converted);
        rows += converted.length;
      }
    });
    const totalMs = performance.now() - started;
    result.types[type.tag] = { rows, fetchMs, insertMs: totalMs - fetchMs };
    result.fetchMs += fetchMs;
    result.insertMs += totalMs - fetchMs;
    result.totalMs += totalMs;
  }
  return result;
}

async function main([mode, location, url, apiKey]: string[]) {
  const conn = openDatabase(location);
  await conn.db.execute(sql`select 1`);
  const baselineMb = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  if (mode === 'floor') await floorLoad(conn.db, url, apiKey);
  else await syncPeeringDb({ client: { url, apiKey }, full: true });
  const ms = performance.now() - started;
  // maxRSS is in KiB and covers the whole life of this process (node + tsx + opening the db included).
  const peakMb = process.resourceUsage().maxRSS / 1024;
  await conn.close();
  console.log(JSON.stringify({ ms, baselineMb, peakMb }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
