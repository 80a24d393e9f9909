import path from 'node:path';
import pg from 'pg';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { connection } from './client';
import { env } from '@/lib/env';

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
// Any constant works; it only has to be the same in every instance.
const MIGRATION_LOCK = 727_001;

/** Applies committed migrations. On PostgreSQL an advisory lock keeps two starting instances apart. */
export async function migrateDatabase(conn = connection(), databaseUrl = env().DATABASE_URL) {
  if (conn.kind === 'pglite') {
    await migratePglite(conn.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.end();
  }
}
