import { and, eq, gt, max, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { peerStatuses } from '@/db/schema';

/**
 * Don't-ask-until is about the network, not one exchange: a peer that declined (Mark Rejected or Not
 * Qualified with a date) anywhere is left out of requests, follow-ups and opportunity lists everywhere
 * until the latest such date.
 */
export async function doNotAskUntil(db: Executor, peerAsn: number, at: Date = new Date()): Promise<Date | null> {
  const [row] = await db
    .select({ until: max(peerStatuses.doNotAskUntil) })
    .from(peerStatuses)
    .where(and(eq(peerStatuses.peerAsn, peerAsn), gt(peerStatuses.doNotAskUntil, at)));
  return row?.until ? new Date(row.until) : null;
}

export async function isDoNotAsk(db: Executor, peerAsn: number, at: Date = new Date()): Promise<boolean> {
  return (await doNotAskUntil(db, peerAsn, at)) !== null;
}

/** A where-clause part for any query keyed by a peer ASN column: true when that peer may be asked now. */
export function mayAsk(peerAsnColumn: AnyPgColumn | SQL): SQL {
  return sql`not exists (select 1 from ${peerStatuses} dna where dna.peer_asn = ${peerAsnColumn} and dna.do_not_ask_until > now())`;
}
