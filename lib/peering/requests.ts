import { and, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { pdbNetworks, peerContacts, peerStatuses, type PeerStatus } from '@/db/schema';
import { doNotAskUntil } from '@/db/queries/do-not-ask';
import { peerContactsOf, peerFacts, sharedExchanges } from '@/db/queries/peer-details';
import type { Actor } from '@/lib/auth/actor';
import { mutation } from '@/lib/auth/mutation';
import { can } from '@/lib/auth/permissions';
import { ServiceError } from '@/lib/errors';
import { MailSendError, sendMail } from '@/lib/mail/send';
import { storeSentEmail } from '@/lib/mail/sent-copy';
import { mailConfig } from '@/lib/mail/settings';
import { peeringDbSettings } from '@/lib/settings/service';
import { renderEmailTemplate } from './request-email';
import { sendPeeringRequestInput } from './request-schemas';
import { nextStatus, peerStatusLabels } from './transitions';
import { applyPeerAction } from './workflow';

const CONTACT_ROLES = ['Policy', 'NOC', 'Technical'] as const;
const day = (d: Date) => d.toISOString().slice(0, 10);

export type DraftExchange = {
  ixId: number;
  name: string;
  localAsn: number;
  ourIp4: string | null;
  ourIp6: string | null;
  peerIp4: string | null;
  peerIp6: string | null;
  status: PeerStatus;
  lastRequestAt: Date | null;
  selected: boolean;
};

export type RequestDraft = Awaited<ReturnType<typeof requestDraft>>;

/** The address a request goes to: PeeringDB's Policy contact, else NOC, else Technical, else one entered by hand. */
async function chooseContact(executor: Executor, peerAsn: number, netId: number | undefined) {
  const contacts = netId ? await peerContactsOf(executor, netId) : [];
  for (const role of CONTACT_ROLES) {
    const c = contacts.find((x) => x.role === role && x.email);
    if (c) return { email: c.email!, name: c.name ?? '', source: `PeeringDB ${role} contact${c.visible === 'Users' ? ' (visible to PeeringDB users)' : ''}`, fromPeeringDb: true };
  }
  const [entered] = await executor.select().from(peerContacts).where(eq(peerContacts.peerAsn, peerAsn));
  if (entered) return { email: entered.email, name: '', source: 'entered by hand in Peerdesk', fromPeeringDb: false };
  return null;
}

/** The request e-mail as the compose screen starts it: To, subject, body and the exchanges both networks share. */
export async function requestDraft(executor: Executor, input: { peerAsn: number; ixIds?: number[]; localAsn?: number }) {
  const { peerAsn } = input;
  const facts = await peerFacts(executor, peerAsn);
  const shared = await sharedExchanges(executor, peerAsn);
  const localAsn =
    input.localAsn ?? shared.find((s) => !input.ixIds?.length || input.ixIds.includes(s.ixId))?.localAsn ?? shared[0]?.localAsn ?? null;
  const statusRows = await executor.select().from(peerStatuses).where(eq(peerStatuses.peerAsn, peerAsn));
  const exchanges = new Map<number, DraftExchange>();
  for (const s of shared) {
    if (s.localAsn !== localAsn || exchanges.has(s.ixId)) continue;
    const st = statusRows.find((r) => r.ixId === s.ixId && r.localAsn === s.localAsn);
    exchanges.set(s.ixId, {
      ixId: s.ixId,
      name: s.name,
      localAsn: s.localAsn,
      ourIp4: s.ourIp4,
      ourIp6: s.ourIp6,
      peerIp4: s.peerIp4,
      peerIp6: s.peerIp6,
      status: st?.status ?? 'new',
      lastRequestAt: st?.lastRequestAt ?? null,
      selected: input.ixIds?.length ? input.ixIds.includes(s.ixId) : !!nextStatus(st?.status ?? 'new', 'send_request') || !!nextStatus(st?.status ?? 'new', 'resend_request'),
    });
  }
  const list = [...exchanges.values()];
  const [local] = localAsn
    ? await executor.select({ name: pdbNetworks.name, asSet: pdbNetworks.irrAsSet }).from(pdbNetworks).where(and(eq(pdbNetworks.asn, localAsn), eq(pdbNetworks.status, 'ok'))).limit(1)
    : [];
  const contact = await chooseContact(executor, peerAsn, facts?.id);
  const config = await mailConfig(executor);
  const hasKey = !!(await peeringDbSettings(executor)).apiKey;
  const contactNote = contact
    ? null
    : hasKey
      ? `PeeringDB lists no e-mail contact for AS${peerAsn} (Policy, NOC or Technical). Enter an address: it is kept for this peer.`
      : `No contact of AS${peerAsn} is visible: PeeringDB shows contacts marked "Users" only to signed-in users, so set a PeeringDB API key in Peering settings (then sync), or enter an address here: it is kept for this peer.`;
  const vars = {
    peer: { name: facts?.name ?? null, asn: peerAsn },
    local: { asn: localAsn, name: local?.name ?? null, as_set: local?.asSet ?? null },
    exchanges: list.filter((x) =>
      x.selected).map((x) => ({ name: x.name, our_ipv4: x.ourIp4, our_ipv6: x.ourIp6, peer_ipv4: x.peerIp4, peer_ipv6: x.peerIp6 })),
    sender: config.from,
    contact: { name: contact?.name ?? null, email: contact?.email ?? null },
  };
  const rendered = await renderEmailTemplate(executor, null, vars);
  return {
    peer: { asn: peerAsn, name: facts?.name ?? null },
    localAsn,
    to: contact,
    contactNote,
    exchanges: list,
    subject: rendered.subject,
    body: rendered.body,
    from: config.from,
    resendAfterDays: config.resendAfterDays,
    /** The peer declined until then: a request needs the user's confirmation (force). */
    doNotAskUntil: await doNotAskUntil(executor, peerAsn),
    mailReady: !!config.smtp && !!config.from.address,
  };
}

type Plan = { ixId: number; name: string; action: 'send_request' | 'resend_request' };

/** Checks every exchange before anything is sent: the action must apply, and a resend must wait N days unless forced. */
async function planRequest(
  executor: Executor,
  input: { peerAsn: number; ixIds: number[]; localAsn: number; force?: boolean },
  resendAfterDays: number,
  exchanges: DraftExchange[],
) {
  const until = await doNotAskUntil(executor, input.peerAsn);
  if (until && !input.force) {
    const message = `Not sent: AS${input.peerAsn} declined and is not to be asked until ${day(until)} (Mark Rejected / Not Qualified). Confirm to send anyway ("force")`;
    throw new ServiceError('conflict', message, { force: message });
  }
  const plan: Plan[] = [];
  const refusals: string[] = [];
  for (const ixId of [...new Set(input.ixIds)]) {
    const x = exchanges.find((e) => e.ixId === ixId);
    if (!x) {
      refusals.push(`AS${input.peerAsn} and AS${input.localAsn} do not share exchange ${ixId}`);
      continue;
    }
    const action = x.status === 'new' ? 'send_request' : 'resend_request';
    if (!nextStatus(x.status, action)) {
      refusals.push(`at ${x.name} the status is ${peerStatusLabels[x.status]}, so a request does not apply (Reset Status first)`);
      continue;
    }
    if (action === 'resend_request' && x.lastRequestAt && !input.force) {
      const allowed = new Date(x.lastRequestAt.getTime() + resendAfterDays * 86_400_000);
      if (allowed > new Date()) {
        refusals.push(`a request went to AS${input.peerAsn} at ${x.name} on ${day(x.lastRequestAt)}; it can be resent from ${day(allowed)} (${resendAfterDays} days), or send it anyway with "force"`);
        continue;
      }
    }
    plan.push({ ixId, name: x.name, action });
  }
  if (refusals.length) throw new ServiceError('conflict', `Not sent: ${refusals.join('; ')}`, { ixIds: refusals[0] });
  return plan;
}

type Recorded = {
  emailId: number;
  messageId: string;
  to: string[];
  exchanges: Array<{ ixId: number; name: string; from: PeerStatus; to: PeerStatus }>;
  sentCopyError: string | null;
};

/**
 * Send Request / Resend Request by e-mail. Every check runs first and the SMTP send happens outside any
 * database transaction (prepare); only once the mail is out is it recorded: the e-mail row, every status
 * change and its note, and the address entered by hand, in one transaction. A failed send changes nothing.
 */
export const sendPeeringRequest = mutation({
  action: 'peer.request.send',
  permission: 'peers.manage',
  input: sendPeeringRequestInput,
  async prepare({ input }) {
    const draft = await requestDraft(db(), { peerAsn: input.peerAsn, ixIds: input.ixIds, localAsn: input.localAsn });
    if (!draft.localAsn) throw new ServiceError('validation', `AS${input.peerAsn} shares no exchange with your ASNs`, { ixIds: 'No shared exchange' });
    const config = await mailConfig();
    if (!config.smtp) throw new ServiceError('validation', 'Set up the SMTP account under Emails › Settings first');
    const plan = await planRequest(db(), { ...input, localAsn: draft.localAsn }, config.resendAfterDays, draft.exchanges);
    let sent;
    try {
      sent = await sendMail(config, { to: input.to, cc: input.cc ?? [], subject: input.subject, text: input.body });
    } catch (err) {
      if (err instanceof MailSendError) throw new ServiceError('unavailable', `The request was not sent, nothing was changed: ${err.message}`);
      throw err;
    }
    return {
      localAsn: draft.localAsn,
      plan,
      from: config.from,
      sent,
      saveContact: !draft.to?.fromPeeringDb && draft.to?.email !== input.to[0],
    };
  },
  async run({ tx, actor, input, prepared, audit }) {
    const { localAsn, plan, from, sent } = prepared;
    const emailId = await storeSentEmail(tx, sent, {
      from,
      to: input.to,
      cc: input.cc ?? [],
      subject: input.subject,
      text: input.body,
      threadId: sent.messageId,
      peerAsn: input.peerAsn,
      association: 'request',
    });
    const changes = [];
    for (const p of plan) {
      const change = await applyPeerAction(tx, actor, { localAsn, ixId: p.ixId, peerAsn: input.peerAsn, action: p.action, emailId, comment: `Request e-mailed to ${input.to.join(', ')}` });
      changes.push({ ixId: p.ixId, name: p.name, ...change });
    }
    if (input.force) await tx.update(peerStatuses).set({ doNotAskUntil: null }).where(and(eq(peerStatuses.peerAsn, input.peerAsn), sql`${peerStatuses.doNotAskUntil} is not null`));
    if (prepared.saveContact) {
      await tx
        .insert(peerContacts)
        .values({ peerAsn: input.peerAsn, email: input.to[0], updatedBy: actor.id })
        .onConflictDoUpdate({ target: peerContacts.peerAsn, set: { email: input.to[0], updatedAt: sql`now()`, updatedBy: actor.id } });
    }
    audit({ target: `peer:${input.peerAsn}`, details: { to: input.to, cc: input.cc ?? [], subject: input.subject, emailId, exchanges: changes.map((c) => `${c.ixId}: ${c.from} -> ${c.to}`) } });
    return {
      emailId: emailId ?? 0,
      messageId: sent.messageId,
      to: input.to,
      exchanges: changes,
      sentCopyError: sent.sentCopyError,
    } satisfies Recorded;
  },
});

/** Sends the drafted request with whatever the caller changed (API, bulk sends): defaults come from the draft. */
export async function sendDraftedRequest(
  actor: Actor | null,
  input: {
    peerAsn: number;
    ixIds?: number[];
    localAsn?: number;
    to?: string | string[];
    cc?: string | string[];
    subject?: string;
    body?: string;
    force?: boolean;
  },
) {
  // Refusals are the wrapper's to answer (and to record) before any draft is read.
  if (!actor || !can(actor.role, sendPeeringRequest.permission)) return sendPeeringRequest(actor, input);
  const draft = await requestDraft(db(), { peerAsn: input.peerAsn, ixIds: input.ixIds, localAsn: input.localAsn });
  const ixIds = input.ixIds ?? draft.exchanges.filter((x) => x.selected).map((x) => x.ixId);
  return sendPeeringRequest(actor, {
    peerAsn: input.peerAsn,
    ixIds,
    localAsn: draft.localAsn ?? undefined,
    to: input.to ?? (draft.to ? [draft.to.email] : []),
    cc: input.cc,
    subject: input.subject ?? draft.subject,
    body: input.body ?? draft.body,
    force: input.force,
  });
}
