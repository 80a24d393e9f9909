import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { connect, useConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

export const postgresAdminUrl = process.env.TEST_DATABASE_URL;
const skipReason = 'needs PostgreSQL (set TEST_DATABASE_URL): several processes share one database, which the embedded PGlite cannot do';

/** A describe block that runs on PostgreSQL only, and says why when it is skipped. */
export function describeOnPostgres(name: string, fn: () => void) {
  if (postgresAdminUrl) describe(name, fn);
  else describe.skip(`${name} — skipped: ${skipReason}`, fn);
}

/** Creates an empty PostgreSQL database next to TEST_DATABASE_URL's and returns its URL. */
export async function createThrowawayDatabase(adminUrl: string) {
  const name = `peerdesk_test_${randomBytes(5).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/**
 * A migrated throwaway PostgreSQL database for the whole file, whose URL other processes can be
 * given (tests/support/test-database.ts keeps its URL to itself and empties it before each test).
 */
export function useSharedPostgres() {
  const shared = { url: '' };
  let drop: (() => Promise<void>) | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (!postgresAdminUrl) return;
    const created = await createThrowawayDatabase(postgresAdminUrl);
    drop = created.drop;
    shared.url = created.url;
    const conn = connect({ databaseUrl: created.url });
    close = conn.close;
    await migrateDatabase(conn, created.url);
    useConnection(conn);
  });
  afterAll(async () => {
    useConnection(undefined);
    await close?.();
    await drop?.();
  });
  return shared;
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
