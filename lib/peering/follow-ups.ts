import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { isDoNotAsk } from '@/db/queries/do-not-ask';
import { listRequests } from '@/db/queries/requests';
import { emails, pdbNetworks, peerNotes, peerStatuses, templates } from '@/db/schema';
import { mutation } from '@/lib/auth/mutation';
import { builtinFollowUpTemplate } from '@/lib/templates/defaults';
import { renderTemplate, toTemplateError } from '@/lib/templates/engine';
import { ServiceError } from '@/lib/errors';
import { FOLLOW_UPS } from '@/lib/jobs/labels';
import { keepRecurring } from '@/lib/jobs/queue';
import type { JobContext, JobKind } from '@/lib/jobs/types';
import { MailSendError, sendMail } from '@/lib/mail/send';
import { storeSentEmail } from '@/lib/mail/sent-copy';
import { mailConfig } from '@/lib/mail/settings';
import { syncMail } from '@/lib/mail/sync';
import { notify } from '@/lib/notifications/notify';
import type { FollowUpSettings } from './follow-up-schemas';
import { followUpSettings } from './follow-up-settings';
import { recordReplies } from './pipeline';
import { followUpTarget } from './request-schemas';

const PASS_INTERVAL_S = 3600;
const day = (d: Date | null) => (d ?? new Date()).toISOString().slice(0, 10);
const name = async (asn: number | null) =>
  asn ? ((await db().select({ name: pdbNetworks.name }).from(pdbNetworks).where(and(eq(pdbNetworks.asn, asn), eq(pdbNetworks.status, 'ok'))).limit(1))[0]?.name ?? null) : null;

/** A custom e-mail template named "Peering request follow-up" wins over the built-in one. */
async function followUpTemplate() {
  const [custom] = await db()
    .select({ name: templates.name, subject: templates.subject, body: templates.body })
    .from(templates)
    .where(and(eq(templates.kind, 'email'), eq(templates.name, builtinFollowUpTemplate.name)))
    .limit(1);
  return custom ?? builtinFollowUpTemplate;
}

export type SentFollowUp = { peerAsn: number; requestEmailId: number; emailId: number; number: number; to: string[] };

/**
 * Follow-up number n of the request e-mail `requestEmailId`, in its thread. The rows are reserved first
 * (follow_ups n-1 -> n, compare-and-set), so two passes never send the same follow-up; a failed send
 * gives the reservation back. Recorded in the mailbox and the notes of every exchange it asked about.
 */
async function sendFollowUp(requestEmailId: number, actorId: number | null, policy: FollowUpSettings): Promise<SentFollowUp> {
  const [request] = await db().select().from(emails).where(eq(emails.id, requestEmailId));
  if (!request?.messageId || !request.peerAsn) throw new ServiceError('not_found', 'The request e-mail is not in the mailbox');
  const waiting = and(eq(peerStatuses.requestEmailId, requestEmailId), eq(peerStatuses.status, 'request_sent'), isNull(peerStatuses.repliedAt), isNull(peerStatuses.stalledAt));
  const rows = await db().select().from(peerStatuses).where(waiting);
  if (!rows.length) throw new ServiceError('conflict', `The request to AS${request.peerAsn} is no longer waiting for an answer (replied, stalled, approved or asked again)`);
  if (await isDoNotAsk(db(), request.peerAsn)) throw new ServiceError('conflict', `AS${request.peerAsn} declined until a later date: no follow-up`);
  const done = Math.max(...rows.map((r) => r.followUps));
  if (done >= policy.max) throw new ServiceError('conflict', `All ${policy.max} follow-ups to AS${request.peerAsn} went out already`);
  const config = await mailConfig();
  if (!config.smtp) throw new ServiceError('validation', 'Set up the SMTP account under Emails › Settings first');

  const now = new Date();
  const reserved = await db()
    .update(peerStatuses)
    .set({ followUps: done + 1, lastFollowUpAt: now })
    .where(and(waiting, eq(peerStatuses.followUps, done)))
    .returning({ id: peerStatuses.id, ixId: peerStatuses.ixId, localAsn: peerStatuses.localAsn });
  if (!reserved.length) throw new ServiceError('conflict', `Follow-up ${done + 1} to AS${request.peerAsn} is being sent by another pass`);
  const giveBack = () =>
    db()
      .update(peerStatuses)
      .set({ followUps: done, lastFollowUpAt: rows[0].lastFollowUpAt })
      .where(inArray(peerStatuses.id, reserved.map((r) => r.id)));

  const root = request.threadId ?? request.messageId;
  const thread = await db()
    .select({ messageId: emails.messageId })
    .from(emails)
    .where(and(eq(emails.mailbox, 'sent'), eq(emails.threadId, root)))
    .orderBy(asc(emails.date), asc(emails.id));
  const references = [...new Set([root, ...thread.map((t) => t.messageId).filter((id): id is string => !!id)])];
  const template = await followUpTemplate();
  const localAsn = reserved[0].localAsn;
  const vars = {
    peer: { asn: request.peerAsn, name: await name(request.peerAsn) },
    local: { asn: localAsn, name: await name(localAsn) },
    sender: config.from,
    contact: { name: null, email: request.toAddresses[0] ?? null },
    request: { subject: request.subject ?? '', date: day(request.date), body: request.textBody ?? '', quoted: (request.textBody ?? '').replace(/^/gm, '> ') },
    follow_up: { number: done + 1, max: policy.max },
  };
  let sent;
  let subject;
  let text;
  try {
    subject = (await renderTemplate(template.subject ?? '', vars)).replace(/\s+/g, ' ').trim();
    text = await renderTemplate(template.body, vars);
    sent = await sendMail(
      config,
      { to: request.toAddresses, cc: request.ccAddresses, subject, text, inReplyTo: references.at(-1), references },
    );
  } catch (err) {
    await giveBack();
    if (err instanceof MailSendError) throw new ServiceError('unavailable', `Follow-up to AS${request.peerAsn} not sent: ${err.message}`);
    if (err instanceof ServiceError) throw err;
    throw toTemplateError(err, template.name);
  }
  const emailId = await db().transaction(async (tx) => {
    const id = await storeSentEmail(tx, sent, {
      from: config.from,
      to: request.toAddresses,
      cc: request.ccAddresses,
      subject,
      text,
      threadId: root,
      inReplyTo: references.at(-1),
      references,
      peerAsn: request.peerAsn!,
      association: 'request',
    });
    const comment = `Follow-up ${done + 1} of ${policy.max} e-mailed to ${request.toAddresses.join(', ')}${sent.sentCopyError ? ` (${sent.sentCopyError})` : ''}`;
    await tx.insert(peerNotes).values(reserved.map((r) => ({ peerAsn: request.peerAsn!, ixId: r.ixId, localAsn: r.localAsn, actorId, kind: 'follow_up', comment, emailId: id })));
    return id;
  });
  return { peerAsn: request.peerAsn, requestEmailId, emailId, number: done + 1, to: request.toAddresses };
}

/** Requests whose last follow-up (or the request, with none allowed) went unanswered for the interval become stalled. */
async function stallUnanswered(policy: FollowUpSettings) {
  const stalled = await db()
    .update(peerStatuses)
    .set({ stalledAt: sql`now()` })
    .where(
      and(
        eq(peerStatuses.status, 'request_sent'),
        isNull(peerStatuses.repliedAt),
        isNull(peerStatuses.stalledAt),
        sql`${peerStatuses.lastRequestAt} is not null and ${peerStatuses.followUps} >= ${policy.max}`,
        sql`coalesce(${peerStatuses.lastFollowUpAt}, ${peerStatuses.lastRequestAt}) + make_interval(hours => ${policy.afterHours}) <= now()`,
      ),
    )
    .returning({
      peerAsn: peerStatuses.peerAsn,
      ixId: peerStatuses.ixId,
      localAsn: peerStatuses.localAsn,
      followUps: peerStatuses.followUps,
    });
  if (stalled.length) await db().insert(peerNotes).values(stalled.map((s) => ({ peerAsn: s.peerAsn, ixId: s.ixId, localAsn: s.localAsn, kind: 'stalled', comment: `Stalled: no answer after ${s.followUps} follow-up(s)` })));
  for (const s of stalled) await notify('request.stalled', { text: `The peering request to AS${s.peerAsn} stalled: no answer after ${s.followUps} follow-up(s) (exchange ${s.ixId}, AS${s.localAsn})`, ...s });
  return stalled;
}

/** The request e-mails due a follow-up now, one per thread (a request may cover several exchanges). */
async function dueThreads(policy: FollowUpSettings) {
  const due = await listRequests(db(), { stage: 'sent', due: true, limit: 10_000, offset: 0 }, policy);
  const threads = new Map<number, { requestEmailId: number; peerAsn: number; followUps: number; exchanges: string[] }>();
  for (const r of due) {
    if (!r.requestEmailId) continue;
    const t = threads.get(r.requestEmailId) ?? {
      requestEmailId: r.requestEmailId,
      peerAsn: r.peerAsn,
      followUps: r.followUps,
      exchanges: [],
    };
    t.exchanges.push(r.exchange);
    threads.set(r.requestEmailId, t);
  }
  return [...threads.values()];
}

export type FollowUpPassResult = {
  mode: FollowUpSettings['mode'];
  mailSync: string | null;
  replied: number;
  stalled: { peerAsn: number; ixId: number; localAsn: number }[];
  sent: SentFollowUp[];
  suggested: Awaited<ReturnType<typeof dueThreads>>;
  failed: { peerAsn: number; requestEmailId: number; error: string }[];
};

/**
 * The follow-up pass: read the mailbox (so a fresh reply stops its follow-up), record replies, stall
 * what went unanswered, then send (mode send) or list (mode suggest) the follow-ups that are due.
 */
export async function followUpPass(actorId: number | null = null): Promise<FollowUpPassResult> {
  const policy = await followUpSettings();
  const config = await mailConfig();
  let mailSync: string | null = null;
  if (config.imap) await syncMail(config).catch((err) => (mailSync = `The mailbox could not be read first: ${err instanceof Error ? err.message : String(err)}`));
  const replied = (await recordReplies()).length;
  const stalled = (await stallUnanswered(policy)).map(({ peerAsn, ixId, localAsn }) => ({ peerAsn, ixId, localAsn }));
  const due = await dueThreads(policy);
  const result: FollowUpPassResult = { mode: policy.mode, mailSync, replied, stalled, sent: [], suggested: [], failed: [] };
  if (policy.mode === 'suggest') return { ...result, suggested: due };
  for (const t of due) {
    try {
      result.sent.push(await sendFollowUp(t.requestEmailId, actorId, policy));
    } catch (err) {
      result.failed.push({ peerAsn: t.peerAsn, requestEmailId: t.requestEmailId, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return result;
}

async function followUpJob(ctx: JobContext) {
  const r = await followUpPass();
  ctx.log(`${r.replied} replied, ${r.stalled.length} stalled, ${r.sent.length} sent, ${r.suggested.length} suggested, ${r.failed.length} failed${r.mailSync ? `; ${r.mailSync}` : ''}`);
  for (const f of r.failed) ctx.log(`AS${f.peerAsn}: ${f.error}`);
  return {
    mode: r.mode,
    replied: r.replied,
    stalled: r.stalled.length,
    sent: r.sent.length,
    suggested: r.suggested.length,
    failed: r.failed,
  };
}

/** Hourly, once any request went out. */
async function keepFollowingUp() {
  const [asked] = await db().select({ id: peerStatuses.id }).from(peerStatuses).where(sql`${peerStatuses.lastRequestAt} is not null`).limit(1);
  if (asked) await keepRecurring(db(), FOLLOW_UPS.name, PASS_INTERVAL_S, 'Peering request follow-ups (hourly)');
}

export const followUpKind: JobKind = { ...FOLLOW_UPS, payload: z.object({}), run: followUpJob, recurring: keepFollowingUp };

/**
 * POST /requests/follow-ups/run and "Run the pass now". The pass sends mail, so it is the prepare step,
 * outside any transaction; the audit row records what it did.
 */
export const runFollowUps = mutation({
  action: 'requests.follow_ups.run',
  permission: 'peers.manage',
  input: z.object({}).default({}),
  prepare: ({ actor }) => followUpPass(actor.id),
  async run({ prepared, audit }) {
    audit({ target: 'requests', details: { sent: prepared.sent.length, suggested: prepared.suggested.length, failed: prepared.failed.length } });
    return prepared;
  },
});

/** Suggest mode's one click: the due follow-up of the request to this peer at this exchange, sent before the audit row. */
export const sendFollowUpNow = mutation({
  action: 'requests.follow_ups.send',
  permission: 'peers.manage',
  input: followUpTarget,
  async prepare({ actor, input: { peerAsn, ixId, localAsn } }) {
    const [row] = await db()
      .select({ requestEmailId: peerStatuses.requestEmailId })
      .from(peerStatuses)
      .where(and(eq(peerStatuses.peerAsn, peerAsn), eq(peerStatuses.ixId, ixId), eq(peerStatuses.localAsn, localAsn)));
    if (!row?.requestEmailId) throw new ServiceError('not_found', `No request e-mail to AS${peerAsn} to follow up`);
    return sendFollowUp(row.requestEmailId, actor.id, await followUpSettings());
  },
  async run({ input, prepared, audit }) {
    audit({ target: `peer:${input.peerAsn}`, details: { ...input, emailId: prepared.emailId, number: prepared.number } });
    return prepared;
  },
});
