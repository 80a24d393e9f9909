// Shared pieces of the PeeringDB sync benchmark, and its child process:
//   node --import tsx bench/sync-worker.ts <sync|floor> <database url or PGlite dir> <server url> <api key> [values|json]
// loads into an existing database and prints one JSON line: { ms, baselineMb, peakMb };
//   node --import tsx bench/sync-worker.ts create <PGlite dir>   makes and migrates a PGlite directory.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
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
  // A directory, not memory://, because that is how Peerdesk runs embedded. Made in a child:
  // initdb blocks the event loop for seconds (the in-process test server then drops keep-alive
  // sockets under the client) and leaves its process ~700 MB bigger for good.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerdesk-bench-'));
  await runWorker(['create', dir]);
  return { location: dir, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Runs this file in a child node; resolves with its last stdout line. */
export function runWorker(args: string[]) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').pop() ?? '') : reject(new Error(`bench worker ${args[0]} exited with ${code}`))));
  });
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

export type FloorResult = {
  fetchMs: number;
  insertMs: number;
  totalMs: number;
  types: Record<string, { rows: number; fetchMs: number; insertMs: number }>;
};

export type FloorInsert = 'values' | 'json' | 'copy';

/**
 * A page as one INSERT with the rows in ONE json parameter: the floor to compare against a sync
 * that inserts that way (drizzle's values() binds a parameter per cell, 15,000 for a netixlan page).
 */
function jsonInsert(table: PgTable) {
  const columns = Object.entries(getTableColumns(table));
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  const picks = sql.raw(columns.map(([key]) => `r."${key}"`).join(', '));
  const shape = sql.raw(columns.map(([key, c]) => `"${key}" ${c.getSQLType()}`).join(', '));
  const into = sql.raw(`"${getTableName(table)}"`);
  return (rows: object[]) => sql`insert into ${into} (${names}) select ${picks} from json_to_recordset(${JSON.stringify(rows)}::json) as r(${shape})`;
}

/** A value in COPY's text format. */
function copyField(v: unknown) {
  if (v === null || v === undefined) return '\\N';
  const text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  return text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

/** COPY FROM STDIN of one page's rows, through the connection's own client (pg-copy-streams on PostgreSQL, a blob on PGlite). */
function copyInsert(table: PgTable) {
  const columns = Object.entries(getTableColumns(table));
  const statement = (source: string) => `copy "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) from ${source}`;
  return async (client: CopyClient, rows: Record<string, unknown>[]) => {
    const text = rows.map((r) => columns.map(([key]) => copyField(r[key])).join('\t')).join('\n') + '\n';
    if ('copyFrom' in client) return client.copyFrom(statement('stdin'), text);
    await client.query(statement(`'/dev/blob'`), [], { blob: new Blob([text]) });
  };
}

type CopyClient =
  | { copyFrom: (statement: string, text: string) => Promise<void> }
  | { query: (sql: string, params: unknown[], options: { blob: Blob }) => Promise<unknown> };

/** Runs fn in one transaction on a raw client of the connection, for COPY (drizzle has no COPY). */
async function withCopyClient(db: ReturnType<typeof connect>['db'], fn: (client: CopyClient) => Promise<void>) {
  const raw = (db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (raw instanceof pg.Pool) {
    const client = await raw.connect();
    try {
      await client.query('begin');
      await fn({
        copyFrom: (statement, text) =>
          new Promise<void>((resolve, reject) => {
            const stream = client.query(copyFrom(statement));
            stream.on('finish', resolve).on('error', reject);
            stream.end(text);
          }),
      });
      await client.query('commit');
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
    return;
  }
  await raw.transaction((tx) => fn(tx as unknown as CopyClient));
}

/**
 * The least work that moves the same data: the same pages, the same toRow, the same 1000-row
 * INSERTs or COPYs (no ON CONFLICT), one transaction per type as the sync uses; nothing kept between
 * pages. Conversion and BEGIN/COMMIT count as insert time.
 */
export async function floorLoad(db: ReturnType<typeof connect>['db'], url: string, apiKey: string, insert: FloorInsert = 'values'): Promise<FloorResult> {
  const headers = { accept: 'application/json', authorization: `Api-Key ${apiKey}` };
  const result: FloorResult = { fetchMs: 0, insertMs: 0, totalMs: 0, types: {} };
  for (const type of objectTypes) {
    const started = performance.now();
    let fetchMs = 0;
    let rows = 0;
    const toJson = jsonInsert(type.table);
    const toCopy = copyInsert(type.table);
    const pages = async (write: (rows: Record<string, unknown>[]) => Promise<unknown>) => {
      for (let skip = 0; ; skip += 1000) {
        const t0 = performance.now();
        const res = await fetch(`${url}/${type.tag}?limit=1000&skip=${skip}&depth=0`, { headers });
        const page = (JSON.parse(await res.text()) as { data: PeeringDbRow[] }).data;
        fetchMs += performance.now() - t0;
        if (!page.length) break;
        const converted = page.map(type.toRow).filter((r) => r !== null);
        if (converted.length) await write(converted);
        rows += converted.length;
      }
    };
    if (insert === 'copy') await withCopyClient(db, (client) => pages((converted) => toCopy(client, converted)));
    else await db.transaction((tx) => pages((converted) => (insert === 'json' ? tx.execute(toJson(converted)) : tx.insert(type.table).values(converted))));
    const totalMs = performance.now() - started;
    result.types[type.tag] = { rows, fetchMs, insertMs: totalMs - fetchMs };
    result.fetchMs += fetchMs;
    result.insertMs += totalMs - fetchMs;
    result.totalMs += totalMs;
  }
  return result;
}

async function main([mode, location, url, apiKey, insert]: string[]) {
  if (mode === 'create') {
    const conn = connect({ pgliteDir: location });
    await migrateDatabase(conn);
    return conn.close();
  }
  const conn = openDatabase(location);
  await conn.db.execute(sql`select 1`);
  const baselineMb = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  if (mode === 'floor') await floorLoad(conn.db, url, apiKey, insert as FloorInsert);
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
