import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { connect, useConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

/**
 * One migrated database per test file, emptied before each test: in-memory PGlite by default,
 * a throwaway PostgreSQL database when TEST_DATABASE_URL is set.
 */
export function useTestDatabase() {
  const adminUrl = process.env.TEST_DATABASE_URL;
  let dropDatabase: (() => Promise<void>) | undefined;
  let conn: ReturnType<typeof connect>;

  beforeAll(async () => {
    if (adminUrl) {
      const name = `peerdesk_test_${randomBytes(5).toString('hex')}`;
      const url = new URL(adminUrl);
      await withClient(adminUrl, (c) => c.query(`create database ${name}`));
      url.pathname = `/${name}`;
      conn = connect({ databaseUrl: url.toString() });
      await migrateDatabase(conn, url.toString());
      dropDatabase = () => withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined);
    } else {
      conn = connect({ pgliteDir: 'memory://' });
      await migrateDatabase(conn);
    }
    useConnection(conn);
  });

  beforeEach(async () => {
    const result = await conn.db.execute<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public'`);
    const tables = (result as unknown as { rows: { tablename: string }[] }).rows.map((r) => `"${r.tablename}"`);
    if (tables.length) await conn.db.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`));
  });

  afterAll(async () => {
    useConnection(undefined);
    await conn.close();
    await dropDatabase?.();
  });

  return { kind: adminUrl ? 'postgres' : 'pglite' };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
