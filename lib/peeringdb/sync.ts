import { eq, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { pdbSyncState } from '@/db/schema';
import { peeringDbClient, type ClientOptions } from './client';
import { PeeringDbError } from './errors';
import { objectTypes, type ObjectType } from './object-types';

export type SyncProgress = { tag: string; label: string; phase: 'fetching' | 'applying'; rows: number; done: string[] };
export type TypeResult = { tag: string; mode: 'full' | 'incremental'; upserted: number; deleted: number; skipped: number; dangling: number; ms: number };

const BATCH = 1000;

/**
 * Brings the local PeeringDB tables up to date. The first sync of a type (or --full) takes every
 * row; later ones ask for rows changed since the watermark minus 1 s. Each type is fetched whole,
 * then applied in ONE transaction, so a failure leaves the last good data of that type in place.
 */
export async function syncPeeringDb(options: { client: ClientOptions; full?: boolean; onProgress?: (p: SyncProgress) => void; types?: string[] }) {
  const client = peeringDbClient(options.client);
  const results: TypeResult[] = [];
  const done: string[] = [];
  for (const type of objectTypes.filter((t) => !options.types || options.types.includes(t.tag))) {
    try {
      results.push(await syncType(type, client, !!options.full, (phase, rows) => options.onProgress?.({ tag: type.tag, label: type.label, phase, rows, done: [...done] })));
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
  return results;
}

async function syncType(type: ObjectType, client: ReturnType<typeof peeringDbClient>, full: boolean, progress: (phase: SyncProgress['phase'], rows: number) => void): Promise<TypeResult> {
  const started = Date.now();
  const [state] = await db().select().from(pdbSyncState).where(eq(pdbSyncState.tag, type.tag));
  const incremental = !full && !!state?.watermark;
  const since = incremental ? Math.floor(state!.watermark!.getTime() / 1000) - 1 : undefined;

  const live = new Map<number, Record<string, unknown> & { id: number }>();
  const gone = new Set<number>();
  let skipped = 0;
  let seen = 0;
  let watermark = state?.watermark ?? null;
  for await (const page of client.pages(type.tag, { since })) {
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
      live.set(row.id, converted);
    }
    progress('fetching', seen);
  }

  progress('applying', live.size);
  const rows = [...live.values()];
  const counts = await db().transaction(async (tx) => {
    const set = excludedColumns(type.table);
    const target = getTableColumns(type.table).id;
    for (let i = 0; i < rows.length; i += BATCH) {
      await tx.insert(type.table).values(rows.slice(i, i + BATCH)).onConflictDoUpdate({ target, set });
    }
    const removeIds = incremental ? [...gone] : rows.map((r) => r.id);
    const tableName = sql.raw(`"${getTableName(type.table)}"`);
    const list = `{${removeIds.join(',')}}`;
    const removed = incremental
      ? await tx.execute(sql`delete from ${tableName} where id = any(${list}::int[])`)
      : await tx.execute(sql`delete from ${tableName} where not (id = any(${list}::int[]))`);
    const dangling = type.danglingSql ? ((await tx.execute(sql.raw(type.danglingSql))) as unknown as { rows: { n: number }[] }).rows[0].n : 0;
    const stateRow = { lastRunAt: new Date(), lastStatus: 'ok', lastError: null, watermark, rowsUpserted: rows.length, rowsDeleted: affected(removed), danglingRefs: dangling, durationMs: Date.now() - started };
    await tx.insert(pdbSyncState).values({ tag: type.tag, ...stateRow }).onConflictDoUpdate({ target: pdbSyncState.tag, set: stateRow });
    return { deleted: affected(removed), dangling };
  });
  return { tag: type.tag, mode: incremental ? 'incremental' : 'full', upserted: rows.length, skipped, ...counts, ms: Date.now() - started };
}

function excludedColumns(table: PgTable) {
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([, col]) => col.name !== 'id')
      .map(([key, col]) => [key, sql.raw(`excluded."${col.name}"`)]),
  );
}

function affected(result: unknown) {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}
