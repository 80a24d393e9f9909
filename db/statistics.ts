import { sql } from 'drizzle-orm';
import type { Executor } from './client';

/** The PeeringDB copy and the tables our own pages join it with. */

/**
 * Fresh planner statistics after a bulk change. Autovacuum catches up only later (and never for
 * a table as small as local_asns), and until then the planner guesses row counts: seq scans and
 * JIT compiles over tables of PeeringDB size, hundreds of ms per page.
 */
export async function analyzeTables(executor: Executor, tables: string[]) {
  if (!tables.length) return;
  await executor.execute(sql.raw(`analyze ${tables.map((t) => `"${t}"`).join(', ')}`));
}
