import { mutation } from '@/lib/auth/mutation';
import { findExchange } from '@/db/queries/exchanges';
import { peerNotes } from '@/db/schema';
import type { Tx } from '@/db/client';
import { ServiceError, fieldError } from '@/lib/errors';
import { resolveLocalAsn } from './local-asn';
import { addPeerNoteInput, changePeerStatusesInput, changePeerStatusInput } from './schemas';
import { emailActions, nextStatus, peerActionLabels, peerStatusLabels, type PeerAction } from './transitions';
import { applyPeerAction, lockedStatus } from './workflow';

async function exchangeOf(tx: Tx, ixId: number) {
  const exchange = await findExchange(tx, ixId);
  if (!exchange) throw fieldError('ixId', 'There is no such exchange in the PeeringDB data');
  return exchange;
}

function refuseEmailAction(action: PeerAction) {
  if (!emailActions.includes(action)) return;
  const message = `"${peerActionLabels[action]}" sends an email: use Send Request on the peer's page (or POST /api/v1/peers/{asn}/requests)`;
  throw new ServiceError('validation', message, { action: message });
}

/** One status change for one peer at one exchange, through the state machine. */
export const changePeerStatus = mutation({
  action: 'peer.status',
  permission: 'peers.manage',
  input: changePeerStatusInput,
  async run({ tx, actor, input, audit }) {
    refuseEmailAction(input.action);
    const exchange = await exchangeOf(tx, input.ixId);
    const localAsn = await resolveLocalAsn(tx, exchange.id, input.localAsn, exchange.name);
    const change = await applyPeerAction(
      tx,
      actor,
      {
        localAsn,
        ixId: exchange.id,
        peerAsn: input.peerAsn,
        action: input.action,
        comment: input.comment,
        doNotAskUntil: input.doNotAskUntil,
      },
    );
    audit({ target: `peer:${input.peerAsn}`, details: { ixId: exchange.id, localAsn, action: input.action, doNotAskUntil: input.doNotAskUntil ?? null, ...change } });
    return { peerAsn: input.peerAsn, ixId: exchange.id, localAsn, ...change };
  },
});

/** The same action for several networks at one exchange: all of them change, or none does. */
export const changePeerStatuses = mutation({
  action: 'peer.status.bulk',
  permission: 'peers.manage',
  input: changePeerStatusesInput,
  async run({ tx, actor, input, audit }) {
    refuseEmailAction(input.action);
    const exchange = await exchangeOf(tx, input.ixId);
    const localAsn = await resolveLocalAsn(tx, exchange.id, input.localAsn, exchange.name);
    const peerAsns = [...new Set(input.peerAsns)];
    const refused: string[] = [];
    for (const peerAsn of peerAsns) {
      const status = await lockedStatus(tx, { localAsn, ixId: exchange.id, peerAsn });
      if (!nextStatus(status, input.action)) refused.push(`AS${peerAsn} (${peerStatusLabels[status]})`);
    }
    if (refused.length) {
      throw new ServiceError('conflict', `"${peerActionLabels[input.action]}" does not apply to ${refused.join(', ')}; nothing was changed`);
    }
    const changed = [];
    for (const peerAsn of peerAsns) {
      const change = await applyPeerAction(
        tx,
        actor,
        { localAsn, ixId: exchange.id, peerAsn, action: input.action, comment: input.comment, doNotAskUntil: input.doNotAskUntil },
      );
      changed.push({ peerAsn, ...change });
    }
    audit({ target: `ix:${exchange.id}`, details: { localAsn, action: input.action, peerAsns } });
    return { ixId: exchange.id, localAsn, changed };
  },
});

/** A free comment in the peer's notes log, optionally about one exchange. */
export const addPeerNote = mutation({
  action: 'peer.note',
  permission: 'peers.manage',
  input: addPeerNoteInput,
  async run({ tx, actor, input, audit }) {
    if (input.ixId) await exchangeOf(tx, input.ixId);
    const [note] = await tx
      .insert(peerNotes)
      .values({ peerAsn: input.peerAsn, ixId: input.ixId ?? null, actorId: actor.id, kind: 'comment', comment: input.comment })
      .returning({ id: peerNotes.id, at: peerNotes.at });
    audit({ target: `peer:${input.peerAsn}`, details: { ixId: input.ixId ?? null, noteId: note.id } });
    return { id: note.id, peerAsn: input.peerAsn, ixId: input.ixId ?? null, at: note.at, comment: input.comment };
  },
});
