import { eq, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { pdbSyncState } from '@/db/schema';
import { analyzeTables } from '@/db/statistics';
import { peeringDbClient, type ClientOptions } from './client';
import { PeeringDbError } from './errors';
import { objectTypes, type ObjectType } from './object-types';

export type SyncProgress = { tag: string; label: string; phase: 'fetching' | 'applying'; rows: number; done: string[] };
/** upserted: rows received; written: those that were new or differed (the overlap of an incremental re-sends the last second's rows). */
export type TypeResult = { tag: string; mode: 'full' | 'incremental'; upserted: number; written: number; deleted: number; skipped: number; dangling: number; ms: number };

/**
 * Brings the local PeeringDB tables up to date. The first sync of a type (or --full) takes every
 * row; later ones ask for rows changed since the watermark minus 1 s. Each type is applied in ONE
 * transaction, page by page as the pages arrive, so a failure leaves the last good data of that
 * type in place and only a page or two is ever in memory. Tables that changed are analyzed after.
 */
export async function syncPeeringDb(options: {
  client: ClientOptions;
  full?: boolean;
  onProgress?: (p: SyncProgress) => void;
  types?: string[];
}) {
  const client = peeringDbClient(options.client);
  const results: TypeResult[] = [];
  const done: string[] = [];
  try {
    for (const type of objectTypes.filter((t) => !options.types || options.types.includes(t.tag))) {
      try {
        results.push(await syncType(
          type,
          client,
          !!options.full,
          (phase, rows) => options.onProgress?.({ tag: type.tag, label: type.label, phase, rows, done: [...done] }),
        ));
        done.push(type.tag);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await db()
          .insert(pdbSyncState)
          .values({ tag: type.tag, lastRunAt: new Date(), lastStatus: 'failed', lastError: message })
          .onConflictDoUpdate({ target: pdbSyncState.tag, set: { lastRunAt: new Date(), lastStatus: 'failed', lastError: message } });
        throw new PeeringDbError(err instanceof PeeringDbError ? err.kind : 'invalid', `${type.label} (${type.tag}): ${message}`);
      }
    }
  } finally {
    // Types applied before a failure are committed and need their statistics as much as after a success.
    const changed = results.filter((r) => r.mode === 'full' || r.written + r.deleted > 0);
    // Statistics only speed up the pages: a failure to gather them must not fail (or mask the error of) the sync.
    if (changed.length) {
      await analyzeTables(db(), [...changed.map((r) => getTableName(objectTypes.find((t) => t.tag === r.tag)!.table)), 'local_asns']).catch((err: Error) =>
        console.error(`ANALYZE after the PeeringDB sync failed: ${err.message}`),
      );
    }
  }
  return results;
}

async function syncType(type: ObjectType, client: ReturnType<typeof peeringDbClient>, full: boolean, progress: (phase: SyncProgress['phase'], rows: number) => void): Promise<TypeResult> {
  const started = Date.now();
  const [state] = await db().select().from(pdbSyncState).where(eq(pdbSyncState.tag, type.tag));
  const incremental = !full && !!state?.watermark;
  const since = incremental ? Math.floor(state!.watermark!.getTime() / 1000) - 1 : undefined;
  const upsert = upsertFromJson(type.table);
  const tableName = sql.raw(`"${getTableName(type.table)}"`);

  return db().transaction(async (tx) => {
    // Ids only: each page is written as it arrives; later pages win over earlier ones for a row seen twice, as PeeringDB's paging can
    // shift.
    const live = new Set<number>();
    const gone = new Set<number>();
    let skipped = 0;
    let seen = 0;
    let written = 0;
    let watermark = state?.watermark ?? null;
    for await (const page of client.pages(type.tag, { since })) {
      const batch: Record<string, unknown>[] = [];
      for (const row of page) {
        seen++;
        const updated = typeof row.updated === 'string' ? new Date(row.updated) : null;
        if (updated && (!watermark || updated > watermark)) watermark = updated;
        if (row.status && row.status !== 'ok') {
          live.delete(row.id);
          gone.add(row.id);
          continue;
        }
        const converted = type.toRow(row);
        if (!converted) {
          skipped++;
          continue;
        }
        gone.delete(row.id);
        live.add(row.id);
        batch.push(converted);
      }
      if (batch.length) written += affected(await tx.execute(upsert(pageJson(batch))));
      progress('fetching', seen);
    }

    progress('applying', live.size);
    let deleted = 0;
    if (!incremental || gone.size) {
      const list = `{${[...(incremental ? gone : live)].join(',')}}`;
      const removed = incremental
        ? await tx.execute(sql`delete from ${tableName} where id = any(${list}::int[])`)
        : await tx.execute(sql`delete from ${tableName} where not (id = any(${list}::int[]))`);
      deleted = affected(removed);
    }
    // Counting dangling references reads the whole table: an incremental that changed nothing keeps the last count.
    const unchanged = incremental && !written && !deleted;
    const dangling = !type.danglingSql
      ? 0
      : unchanged
        ? (state?.danglingRefs ?? 0)
        : ((await tx.execute(sql.raw(type.danglingSql))) as unknown as { rows: { n: number }[] }).rows[0].n;
    const stateRow = { lastRunAt: new Date(), lastStatus: 'ok', lastError: null, watermark, rowsUpserted: live.size, rowsDeleted: deleted, danglingRefs: dangling, durationMs: Date.now() - started };
    await tx.insert(pdbSyncState).values({ tag: type.tag, ...stateRow }).onConflictDoUpdate({ target: pdbSyncState.tag, set: stateRow });
    return { tag: type.tag, mode: incremental ? 'incremental' : 'full', upserted: live.size, written, skipped, deleted, dangling, ms: Date.now() - started } satisfies TypeResult;
  });
}

/**
 * One statement per page with the rows as ONE json parameter: drizzle's values() builds a
 * parameter per cell (15,000 for a page of netixlan), which costs more than PostgreSQL's insert.
 */
function upsertFromJson(table: PgTable) {
  const columns = Object.entries(getTableColumns(table));
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  const picks = sql.raw(columns.map(([key]) => `r."${key}"`).join(', '));
  const shape = sql.raw(columns.map(([key, c]) => `"${key}" ${c.getSQLType()}`).join(', '));
  const tableName = getTableName(table);
  const updatable = columns.filter(([, c]) => c.name !== 'id').map(([, c]) => `"${c.name}"`);
  const set = sql.raw(updatable.map((column) => `${column} = excluded.${column}`).join(', '));
  // A row that is already up to date is left alone: no dead tuple, and the count says what really changed.
  const differs = sql.raw(`(${updatable.map((column) => `"${tableName}".${column}`).join(', ')}) is distinct from (${updatable.map((column) => `excluded.${column}`).join(', ')})`);
  const into = sql.raw(`"${tableName}"`);
  return (json: string) => sql`insert into ${into} (${names}) select ${picks} from json_to_recordset(${json}::json) as r(${shape}) on conflict (id) do update set ${set} where ${differs}`;
}

/** PostgreSQL rejects a lone surrogate in json (a bound text parameter turns it into U+FFFD). */
function pageJson(rows: object[]) {
  const json = JSON.stringify(rows);
  return /\\ud[89a-f]/i.test(json) ? JSON.stringify(rows, (_, v) => (typeof v === 'string' ? v.toWellFormed() : v)) : json;
}

function affected(result: unknown) {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}
