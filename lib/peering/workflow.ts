import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { peerNotes, peerStatuses, type PeerStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { ServiceError } from '@/lib/errors';
import { notify } from '@/lib/notifications/notify';
import { nextStatus, refusalMessage, type PeerAction } from './transitions';

export { actionsFor, nextStatus, peerActionLabels, peerActions, peerStatusLabels, type PeerAction } from './transitions';

export type PeerActionInput = {
  localAsn: number;
  ixId: number;
  peerAsn: number;
  action: PeerAction;
  comment?: string | null;
  emailId?: number | null;
  /** Mark Rejected / Mark Not Qualified: leave the peer out of requests until then (none clears it). */
  doNotAskUntil?: Date | null;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

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
  const declined = input.action === 'mark_rejected' || input.action === 'mark_not_qualified';
  // A new request starts a new thread: its follow-ups, reply and stall are counted afresh.
  const asked = requested
    ? { lastRequestAt: now, requestEmailId: input.emailId ?? null, followUps: 0, lastFollowUpAt: null, repliedAt: null, stalledAt: null }
    : {};
  // The date outlives Reset Status (a declined peer is reset before it can be asked again); only a new decline replaces it.
  const doNotAsk = declined ? { doNotAskUntil: input.doNotAskUntil ?? null } : {};
  await tx
    .insert(peerStatuses)
    .values({ ...key, status: to, updatedAt: now, ...asked, ...doNotAsk })
    .onConflictDoUpdate({
      target: [peerStatuses.localAsn, peerStatuses.ixId, peerStatuses.peerAsn],
      set: { status: to, updatedAt: now, ...asked, ...doNotAsk },
    });
  const until = declined && input.doNotAskUntil ? `Do not ask until ${day(input.doNotAskUntil)}` : null;
  await tx.insert(peerNotes).values({
    ...key,
    at: now,
    actorId: actor.id,
    kind: 'status',
    fromStatus: from,
    toStatus: to,
    comment: [input.comment?.trim(), until].filter(Boolean).join('. ') || null,
    emailId: input.emailId ?? null,
  });
  if (to === 'approved') await notify('peer.approved', { text: `AS${input.peerAsn} was approved at exchange ${input.ixId} (AS${input.localAsn}) by ${actor.email}`, ...key }, tx);
  return { from, to };
}
