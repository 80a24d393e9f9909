import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { routers } from '@/db/schema';
import { limitOffset } from '@/db/queries/paging';
import { listPeerOverview } from '@/db/queries/peers';
import { listRouters } from '@/db/queries/routers';
import { useTestDatabase } from '../support/test-database';

/**
 * The app's PostgreSQL pool prepares each statement once per connection and then only binds and runs it
 * (db/prepared-statements.ts): what pg_prepared_statements shows on the connection a transaction holds.
 * PostgreSQL only: PGlite runs in the process, with no connection to save a parse on.
 */
const { kind } = useTestDatabase();

type Prepared = { statement: string; generic_plans: number; custom_plans: number };
const preparedOnThisConnection = async (tx: Executor) =>
  (await tx.execute(sql`select statement, generic_plans::int, custom_plans::int from pg_prepared_statements where name like 'pd\_%'`)) as unknown as {
    rows: Prepared[];
  };

const title = `prepared statements (PostgreSQL${kind === 'postgres' ? '' : '; skipped on PGlite, which runs in the process with no connection or pool: set TEST_DATABASE_URL'})`;
describe.skipIf(kind !== 'postgres')(title, () => {
  it('runs a page query from one prepared statement, with each call’s own values', async () => {
    await db().insert(routers).values([
      { name: 'alpha', hostname: 'alpha.test', platform: 'frr', localAsn: 65001 },
      { name: 'beta', hostname: 'beta.test', platform: 'bird', localAsn: 65002 },
    ]);
    await db().transaction(async (tx) => {
      const names: string[][] = [];
      for (let i = 0; i < 7; i++) names.push((await listRouters(tx, { limit: 50, offset: 0, q: i % 2 ? 'alpha' : 'beta' })).map((r) => r.name));
      expect(names[0]).toEqual(['beta']);
      expect(names[1]).toEqual(['alpha']);
      const { rows } = await preparedOnThisConnection(tx);
      const list = rows.filter((r) => r.statement.includes('"routers"'));
      // Seven runs of one statement: parsed once, planned per run or from its generic plan, never sent as a new statement.
      expect(list.map((r) => r.custom_plans + r.generic_plans)).toContain(7);
    });
  });

  it('plans a paged list once: its LIMIT and OFFSET are literals, so PostgreSQL settles on a generic plan', async () => {
    await db().transaction(async (tx) => {
      for (let i = 0; i < 8; i++) await listPeerOverview(tx, { limit: 51, offset: 0 });
      const { rows } = await preparedOnThisConnection(tx);
      const [peers] = rows.filter((r) => r.statement.includes('limit 51 offset 0'));
      // Five custom plans while PostgreSQL compares, then the generic one; with `limit $1` every run is planned anew.
      expect(peers.generic_plans).toBeGreaterThan(0);
    });
    expect(() => limitOffset(1.5)).toThrow(RangeError);
    expect(() => limitOffset(10, -1)).toThrow(RangeError);
  });

  it('leaves utility statements unprepared and reports a bad statement the same way every time', async () => {
    await db().transaction(async (tx) => {
      await tx.execute(sql`set local statement_timeout = '5s'`);
      const { rows } = await preparedOnThisConnection(tx);
      expect(rows.some((r) => /statement_timeout/.test(r.statement))).toBe(false);
    });
    for (let i = 0; i < 2; i++) {
      const failed = await db().execute(sql`select * from no_such_table`).then(() => null, (e: Error) => e);
      expect(String((failed?.cause as Error | undefined)?.message)).toBe('relation "no_such_table" does not exist');
    }
  });
});
