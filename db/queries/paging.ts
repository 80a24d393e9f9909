import { sql } from 'drizzle-orm';

const count = (n: number) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a row count: ${n}`);
  return n;
};

/**
 * LIMIT and OFFSET as literals, not parameters: PostgreSQL never settles on a generic plan for a
 * prepared statement whose LIMIT or OFFSET is a parameter (it cannot cost one), so it plans it again at
 * every run (0.5–1 ms for the Peers and Requests queries). With literals, each page size and offset in
 * use is its own prepared statement (db/prepared-statements.ts) that is planned once.
 */
export const limitOffset = (limit: number, offset = 0) => sql.raw(`limit ${count(limit)} offset ${count(offset)}`);
