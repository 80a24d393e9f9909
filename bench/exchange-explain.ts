// EXPLAIN (ANALYZE, BUFFERS) of the SQL behind GET /api/v1/exchanges and /exchanges/{id}/networks,
// captured from the query functions themselves (not copied), so the plans follow the code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '@/db/client';
import { listExchangeNetworks, listExchanges } from '@/db/queries/exchanges';
import * as schema from '@/db/schema';

type Captured = { query: string; params: unknown[] };

async function capture(pool: pg.Pool, run: (db: Db) => Promise<unknown>) {
  const seen: Captured[] = [];
  const db = drizzle(pool, { schema, logger: { logQuery: (query, params) => seen.push({ query, params }) } }) as unknown as Db;
  await run(db);
  return seen[seen.length - 1];
}

async function explain(client: pg.PoolClient, { query, params }: Captured) {
  const result = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query}`, params);
  return result.rows.map((r) => r['QUERY PLAN']);
}

/** One line: time, buffers of the whole statement, and which scans on which tables (with loops). */
function summary(plan: string[]) {
  const ms = (label: string) => plan.find((l) => l.startsWith(label))?.replace(/.*: /, '') ?? '?';
  const buffers = plan.find((l) => l.trim().startsWith('Buffers:'))?.trim().replace('Buffers: ', '') ?? '';
  const scans = new Map<string, number>();
  for (const line of plan) {
    const m = /(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: Backward)?(?: using (\S+))? on (\S+)(?: \S+)? .*loops=(\d+)/.exec(line);
    if (!m) continue;
    const key = m[1] === 'Seq Scan' ? `Seq Scan ${m[3]}` : m[1] === 'Bitmap Index Scan' ? `Bitmap ${m[3]}` : `${m[1]} ${m[2]}`;
    scans.set(key, (scans.get(key) ?? 0) + Number(m[4]));
  }
  return { execution: ms('Execution Time'), planning: ms('Planning Time'), buffers, scans: [...scans].map(([k, loops]) => `${k} ×${loops}`).join(', ') };
}

/** Plans with and without index scans (the "without" figure is what the indexes save). */
export async function explainExchangeQueries(databaseUrl: string, ixId: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const queries: [string, Captured][] = [
    ['(a) listExchanges, limit 51', await capture(pool, (db) => listExchanges(db, { limit: 51, offset: 0 }))],
    [`(b) listExchangeNetworks ix ${ixId}, limit 51`, await capture(pool, (db) => listExchangeNetworks(db, ixId, { limit: 51, offset: 0 }))],
  ];
  const client = await pool.connect();
  const lines: string[] = [];
  const fullPlans: string[] = [];
  try {
    for (const [label, captured] of queries) {
      for (let i = 0; i < 3; i++) await client.query(captured.query, captured.params);
      const withIndexes = await explain(client, captured);
      await client.query('begin');
      await client.query('set local enable_indexscan = off; set local enable_indexonlyscan = off; set local enable_bitmapscan = off');
      const without = await explain(client, captured);
      await client.query('rollback');
      const a = summary(withIndexes);
      const b = summary(without);
      lines.push(
        `${label}:`,
        `  execution ${a.execution} (planning ${a.planning}); buffers ${a.buffers}`,
        `  scans: ${a.scans}`,
        `  with index scans disabled: execution ${b.execution}; buffers ${b.buffers}`,
        `  scans: ${b.scans}`,
      );
      fullPlans.push(`-- ${label}\n${captured.query}\n-- params ${JSON.stringify(captured.params)}\n${withIndexes.join('\n')}\n\n-- without index scans\n${without.join('\n')}\n`);
    }
  } finally {
    client.release();
    await pool.end();
  }
  const file = path.join(os.tmpdir(), `peerdesk-bench-plans-${process.pid}.txt`);
  fs.writeFileSync(file, fullPlans.join('\n'));
  return { lines, file };
}
