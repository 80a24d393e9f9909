import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';
import { env } from '@/lib/env';
import { lockDirectory, unlockDirectory } from './pglite-lock';
import { PreparingClient } from './prepared-statements';

type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Db | Tx;

type Connection = { db: Db; kind: 'pglite' | 'postgres'; close: () => Promise<void> };

// Next bundles server code into several chunks; the connection must be one per process.
const holder = globalThis as { __peerdeskDb?: Connection };

export function connect(options: { databaseUrl?: string; pgliteDir?: string } = {}): Connection {
  const url = options.databaseUrl ?? env().DATABASE_URL;
  if (url) {
    // No JIT: our queries are short, and compiling one costs more (~30 ms) than running it.
    // Each connection prepares a statement once and then only binds and runs it (db/prepared-statements.ts).
    const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off', Client: PreparingClient });
    // An idle connection the server drops (restart, failover) is an 'error' event: unhandled, it would end the process.
    // The pool discards that client and opens a fresh one on next use; queries in flight fail with their own error.
    pool.on('error', (err) => console.error(`PostgreSQL closed an idle connection (the pool reconnects on next use): ${err.message}`));
    // The same for a connection checked out between two statements of a transaction: the transaction's next statement fails instead.
    pool.on('connect', (client) => client.on('error', () => undefined));
    return { db: drizzlePg(pool, { schema }) as unknown as Db, kind: 'postgres', close: () => pool.end() };
  }
  const dir = options.pgliteDir ?? env().PGLITE_DIR;
  const inMemory = dir.startsWith('memory://');
  if (!inMemory) lockDirectory(dir);
  // PGlite has no JIT. Its shared buffers live in the Node process's own memory, and 128 MB (the
  // default) of them stay resident once a sync has touched them; 16 MB, and 16 MB for ANALYZE, keep a laptop's share small.
  const client = new PGlite(inMemory ? dir : path.resolve(/* turbopackIgnore: true */ dir), {
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB', '-c', 'maintenance_work_mem=16MB'],
  });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    close: async () => {
      await client.close();
      if (!inMemory) unlockDirectory(dir);
    },
  };
}

export function connection(): Connection {
  holder.__peerdeskDb ??= connect();
  return holder.__peerdeskDb;
}

export const db = (): Db => connection().db;

/** Tests install their own database; the server and CLI use the one from the environment. */
export function useConnection(conn: Connection | undefined) {
  holder.__peerdeskDb = conn;
}

export async function closeDatabase() {
  const conn = holder.__peerdeskDb;
  holder.__peerdeskDb = undefined;
  await conn?.close();
}
