import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { findExchange } from '@/db/queries/exchanges';
import { sharedExchanges } from '@/db/queries/peer-details';
import { emails } from '@/db/schema';
import { mutation } from '@/lib/auth/mutation';
import { fieldError, notFound } from '@/lib/errors';
import { resolveLocalAsn } from '@/lib/peering/local-asn';
import { asnField } from '@/lib/peering/schemas';
import { applyPeerAction } from '@/lib/peering/workflow';

const emailId = z.coerce.number({ message: 'An e-mail id' }).int().positive('An e-mail id');

const associateEmailInput = z.object({ id: emailId, peerAsn: asnField.nullable() });
const markIncomingRequestInput = z.object({ id: emailId, ixId: z.coerce.number({ message: 'Choose an exchange' }).int().positive('Choose an exchange'), localAsn: asnField.optional() });

async function emailOrThrow(tx: Parameters<Parameters<typeof mutation>[0]['run']>[0]['tx'], id: number) {
  const [row] = await tx.select({ id: emails.id, peerAsn: emails.peerAsn, fromAddress: emails.fromAddress, subject: emails.subject }).from(emails).where(eq(emails.id, id)).for('update');
  if (!row) throw notFound(`E-mail ${id}`);
  return row;
}

/** Ties a message to a peer by hand (association "manual"), or unties it with peerAsn null. */
export const associateEmail = mutation({
  action: 'email.associate',
  permission: 'emails.manage',
  input: associateEmailInput,
  async run({ tx, input, audit }) {
    const before = await emailOrThrow(tx, input.id);
    await tx
      .update(emails)
      .set({ peerAsn: input.peerAsn, association: input.peerAsn === null ? null : 'manual' })
      .where(eq(emails.id, input.id));
    audit({ target: `email:${input.id}`, details: { from: before.peerAsn, to: input.peerAsn } });
    return { id: input.id, peerAsn: input.peerAsn, association: input.peerAsn === null ? null : ('manual' as const) };
  },
});

/** Opening a message marks it read in Peerdesk (the IMAP server is not changed). */
export const markEmailSeen = mutation({
  action: 'email.seen',
  permission: 'emails.read',
  input: z.object({ id: emailId }),
  async run({ tx, input, audit }) {
    const rows = await tx.update(emails).set({ seen: true }).where(eq(emails.id, input.id)).returning({ id: emails.id });
    if (!rows.length) throw notFound(`E-mail ${input.id}`);
    audit({ target: `email:${input.id}` });
    return { id: input.id, seen: true };
  },
});

/**
 * "Mark as incoming request": the message's peer asked us to peer at an exchange we share —
 * status Request Received (through the workflow), with the message in the notes log.
 */
export const markIncomingRequest = mutation({
  action: 'email.incoming_request',
  permission: 'emails.manage',
  input: markIncomingRequestInput,
  async run({ tx, actor, input, audit }) {
    const email = await emailOrThrow(tx, input.id);
    if (!email.peerAsn) throw fieldError('peerAsn', 'Tie the message to a peer first');
    const exchange = await findExchange(tx, input.ixId);
    if (!exchange) throw fieldError('ixId', 'There is no such exchange in the PeeringDB data');
    const shared = await sharedExchanges(tx, email.peerAsn);
    if (!shared.some((s) => s.ixId === input.ixId)) throw fieldError('ixId', `AS${email.peerAsn} is not at ${exchange.name} with one of your ASNs`);
    const localAsn = await resolveLocalAsn(tx, exchange.id, input.localAsn, exchange.name);
    const change = await applyPeerAction(tx, actor, {
      localAsn,
      ixId: exchange.id,
      peerAsn: email.peerAsn,
      action: 'mark_request_received',
      emailId: email.id,
      comment: `Request received by e-mail from ${email.fromAddress ?? 'unknown sender'}: ${email.subject ?? ''}`.trim(),
    });
    audit({ target: `peer:${email.peerAsn}`, details: { emailId: email.id, ixId: exchange.id, localAsn, ...change } });
    return { emailId: email.id, peerAsn: email.peerAsn, ixId: exchange.id, localAsn, ...change };
  },
});
