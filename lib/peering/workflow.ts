import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { peerNotes, peerStatuses, type PeerStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { ServiceError } from '@/lib/errors';
import { nextStatus, refusalMessage, type PeerAction } from './transitions';

export { actionsFor, nextStatus, peerActionLabels, peerActions, peerStatusLabels, type PeerAction } from './transitions';

export type PeerActionInput = {
  localAsn: number;
  ixId: number;
  peerAsn: number;
  action: PeerAction;
  comment?: string | null;
  emailId?: number | null;
};

/** The peer's status at the exchange for one local ASN, locking the row for the rest of the transaction. */
export async function lockedStatus(tx: Tx, key: { localAsn: number; ixId: number; peerAsn: number }): Promise<PeerStatus> {
  const [row] = await tx
    .select({ status: peerStatuses.status })
    .from(peerStatuses)
    .where(and(eq(peerStatuses.localAsn, key.localAsn), eq(peerStatuses.ixId, key.ixId), eq(peerStatuses.peerAsn, key.peerAsn)))
    .for('update');
  return row?.status ?? 'new';
}

/**
 * The one way a peer status changes: checks the action against the state machine (a refusal is a
 * 'conflict' with the user's words), stores the new status, and writes the notes log entry.
 */
export async function applyPeerAction(tx: Tx, actor: Actor, input: PeerActionInput): Promise<{ from: PeerStatus; to: PeerStatus }> {
  const key = { localAsn: input.localAsn, ixId: input.ixId, peerAsn: input.peerAsn };
  const from = await lockedStatus(tx, key);
  const to = nextStatus(from, input.action);
  if (!to) throw new ServiceError('conflict', refusalMessage(from, input.action));
  const now = new Date();
  const requested = input.action === 'send_request' || input.action === 'resend_request';
  await tx
    .insert(peerStatuses)
    .values({ ...key, status: to, updatedAt: now, lastRequestAt: requested ? now : null })
    .onConflictDoUpdate({
      target: [peerStatuses.localAsn, peerStatuses.ixId, peerStatuses.peerAsn],
      set: { status: to, updatedAt: now, ...(requested ? { lastRequestAt: now } : {}) },
    });
  await tx.insert(peerNotes).values({
    ...key,
    at: now,
    actorId: actor.id,
    kind: 'status',
    fromStatus: from,
    toStatus: to,
    comment: input.comment?.trim() || null,
    emailId: input.emailId ?? null,
  });
  return { from, to };
}
