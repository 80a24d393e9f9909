import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { bgpSessions, pdbContacts, pdbExchanges, pdbNetworks, peerContacts, peerNotes, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { mutation } from '@/lib/auth/mutation';
import { renderTemplate, toTemplateError } from '@/lib/templates/engine';
import { ServiceError } from '@/lib/errors';
import { sendMail } from '@/lib/mail/send';
import { storeSentEmail } from '@/lib/mail/sent-copy';
import { mailConfig } from '@/lib/mail/settings';
import { noticeSettings } from './follow-up-settings';
import { asnField } from './schemas';

const id = (message: string) => z.coerce.number({ message }).int(message).positive(message);

/** POST /notices: one message to every peer with sessions on a router, at an exchange, or in a list. */
export const sendNoticeInput = z
  .object({
    routerId: id('Choose a router').optional(),
    ixId: id('Choose an exchange').optional(),
    peerAsns: z.array(asnField).min(1, 'Select at least one network').max(1000, 'At most 1,000 networks').optional(),
    subject: z.string().trim().min(1, 'Write a subject').max(300, 'At most 300 characters'),
    body: z.string().min(1, 'Write the message').max(100_000, 'At most 100,000 characters'),
  })
  .refine((n) => [n.routerId, n.ixId, n.peerAsns].filter((t) => t !== undefined).length === 1, {
    message: 'Choose one: a router, an exchange, or a list of networks',
    path: ['routerId'],
  });

export type NoticeResult = { peerAsn: number; name: string | null; to: string[]; status: 'sent' | 'failed' | 'skipped'; error?: string; emailId?: number };

/** Maintenance goes to operations first: NOC, then Technical, then Policy, then an address entered by hand. */
async function noticeAddresses(peerAsn: number) {
  const contacts = await db()
    .select({ role: pdbContacts.role, email: pdbContacts.email })
    .from(pdbContacts)
    .innerJoin(pdbNetworks, and(eq(pdbNetworks.id, pdbContacts.netId), eq(pdbNetworks.status, 'ok')))
    .where(and(eq(pdbNetworks.asn, peerAsn), eq(pdbContacts.status, 'ok')))
    .orderBy(asc(pdbContacts.id));
  const unique = (list: (string | null)[]) => [...new Set(list.filter((e): e is string => !!e).map((e) => e.trim().toLowerCase()))];
  const ops = unique(contacts.filter((c) => c.role === 'NOC' || c.role === 'Technical').map((c) => c.email));
  if (ops.length) return ops.slice(0, 20);
  const policy = unique(contacts.filter((c) => c.role === 'Policy').map((c) => c.email));
  if (policy.length) return policy.slice(0, 20);
  return unique((await db().select({ email: peerContacts.email }).from(peerContacts).where(eq(peerContacts.peerAsn, peerAsn))).map((c) =>
    c.email));
}

/** The live sessions the notice is about, per peer, with what the template may name. */
async function targetSessions(input: z.output<typeof sendNoticeInput>) {
  const rows = await db()
    .select({
      peerAsn: bgpSessions.peerAsn,
      peerName: bgpSessions.peerName,
      localAsn: bgpSessions.localAsn,
      peerIp: sql<string>`host(${bgpSessions.peerIp})`,
      localIp: sql<string | null>`host(${bgpSessions.localIp})`,
      ixId: bgpSessions.ixId,
      exchange: pdbExchanges.name,
      router: routers.name,
    })
    .from(bgpSessions)
    .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
    .leftJoin(pdbExchanges, eq(pdbExchanges.id, bgpSessions.ixId))
    .where(
      and(
        isNull(bgpSessions.removedAt),
        input.routerId ? eq(bgpSessions.routerId, input.routerId) : undefined,
        input.ixId ? eq(bgpSessions.ixId, input.ixId) : undefined,
        input.peerAsns ? inArray(bgpSessions.peerAsn, input.peerAsns) : undefined,
      ),
    )
    .orderBy(asc(bgpSessions.peerAsn), asc(bgpSessions.peerIp));
  const byPeer = new Map<number, typeof rows>();
  for (const asn of input.peerAsns ?? []) byPeer.set(asn, []);
  for (const r of rows) byPeer.set(r.peerAsn, [...(byPeer.get(r.peerAsn) ?? []), r]);
  return byPeer;
}

/**
 * A bulk notice: one e-mail per peer to its contacts, rendered with the peer's sessions, filed in Sent
 * and recorded in the mailbox and the peer's notes; a result per peer. At most the hourly cap. The mail
 * goes out in the prepare step, outside any transaction; the audit row records the notice once sent.
 */
async function sendToPeers(actor: Actor, input: z.output<typeof sendNoticeInput>): Promise<NoticeResult[]> {
  const config = await mailConfig();
  if (!config.smtp) throw new ServiceError('validation', 'Set up the SMTP account under Emails › Settings first');
  const peers = await targetSessions(input);
  if (!peers.size) throw new ServiceError('validation', 'No peer has a session there', { routerId: 'No peer has a session there' });
  const { maxPerHour } = await noticeSettings();
  const [{ n: lastHour }] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(peerNotes)
    .where(and(eq(peerNotes.kind, 'notice'), gt(peerNotes.at, sql`now() - interval '1 hour'`)));
  let allowance = maxPerHour - lastHour;
  const [exchange] = input.ixId
    ? await db().select({ name: pdbExchanges.name }).from(pdbExchanges).where(eq(pdbExchanges.id, input.ixId))
    : [];
  const [router] = input.routerId ? await db().select({ name: routers.name }).from(routers).where(eq(routers.id, input.routerId)) : [];
  const results: NoticeResult[] = [];
  for (const [peerAsn, sessions] of peers) {
    const [net] = await db().select({ name: pdbNetworks.name }).from(pdbNetworks).where(and(eq(pdbNetworks.asn, peerAsn), eq(pdbNetworks.status, 'ok'))).limit(1);
    const name = net?.name ?? sessions[0]?.peerName ?? null;
    const to = await noticeAddresses(peerAsn);
    const result: NoticeResult = { peerAsn, name, to, status: 'skipped' };
    results.push(result);
    if (!to.length) {
      result.error = `No contact address for AS${peerAsn} (PeeringDB NOC, Technical or Policy, or one entered by hand)`;
      continue;
    }
    if (allowance <= 0) {
      result.error = `Not sent: the limit of ${maxPerHour} notices an hour is reached (Emails › Settings)`;
      continue;
    }
    const vars = {
      peer: { asn: peerAsn, name },
      local: { asn: sessions[0]?.localAsn ?? null },
      exchange: { name: exchange?.name ?? (new Set(sessions.map((s) => s.exchange)).size === 1 ? sessions[0]?.exchange : null) ?? null },
      router: { name: router?.name ?? null },
      sessions: sessions.map((s) => ({ peer_ip: s.peerIp, local_ip: s.localIp, exchange: s.exchange ?? 'private', router: s.router, family: s.peerIp.includes(':') ? 6 : 4 })),
      sender: config.from,
    };
    try {
      let subject;
      let text;
      try {
        subject = (await renderTemplate(input.subject, vars)).replace(/\s+/g, ' ').trim();
        text = await renderTemplate(input.body, vars);
      } catch (err) {
        throw toTemplateError(err, 'the notice');
      }
      allowance--;
      const sent = await sendMail(config, { to, cc: [], subject, text });
      const emailId = await db().transaction(async (tx) => {
        const id = await storeSentEmail(tx, sent, { from: config.from, to, subject, text, threadId: sent.messageId, peerAsn, association: 'notice' });
        await tx.insert(peerNotes).values({ peerAsn, ixId: input.ixId ?? null, actorId: actor.id, kind: 'notice', comment: `Notice e-mailed to ${to.join(', ')}: ${subject}`, emailId: id });
        return id;
      });
      Object.assign(result, { status: 'sent', emailId, error: sent.sentCopyError ?? undefined });
    } catch (err) {
      result.status = 'failed';
      result.error = err instanceof Error ? err.message : String(err);
    }
  }
  return results;
}

/** POST /notices and the Notices page. */
export const sendNotice = mutation({
  action: 'notice.send',
  permission: 'peers.manage',
  input: sendNoticeInput,
  prepare: ({ actor, input }) => sendToPeers(actor, input),
  async run({ input, prepared: results, audit }) {
    const sent = results.filter((r) => r.status === 'sent').length;
    audit({ target: input.routerId ? `router:${input.routerId}` : input.ixId ? `ix:${input.ixId}` : 'peers', details: { ...input, body: undefined, sent } });
    return { results };
  },
});
