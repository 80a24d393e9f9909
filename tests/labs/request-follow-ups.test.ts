import nodemailer from 'nodemailer';
import { ImapFlow } from 'imapflow';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bgpSessions, emails, jobs, localAsns, pdbContacts, pdbExchanges, pdbNetIxlans, pdbNetworks, peerNotes, peerStatuses, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { mailConfig, updateMailSettings } from '@/lib/mail/settings';
import { syncMail } from '@/lib/mail/sync';
import { tick } from '@/lib/jobs/runner';
import { notify } from '@/lib/notifications/notify';
import { setNotificationPreferences } from '@/lib/notifications/webhooks';
import { followUpPass } from '@/lib/peering/follow-ups';
import { listPipeline } from '@/lib/peering/pipeline';
import { requestListFilters } from '@/lib/peering/request-schemas';
import { sendNotice } from '@/lib/peering/notices';
import { sendDraftedRequest } from '@/lib/peering/requests';
import { changePeerStatus } from '@/lib/peering/service';
import { updatePeeringSettings } from '@/lib/settings/service';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

const need = ['MAIL_LAB_IMAP_PORT', 'MAIL_LAB_SMTP_PORT'].filter((n) => !process.env[n]);
if (need.length) throw new Error(`mail lab env missing (${need.join(', ')}): bash scripts/labs/mail-lab.sh up && eval "$(bash scripts/labs/mail-lab.sh env)"`);
const IMAP = Number(process.env.MAIL_LAB_IMAP_PORT);
const SMTP = Number(process.env.MAIL_LAB_SMTP_PORT);
const US = 'peering@example.test';
const PEER = 'noc@peer.test';

useTestDatabase();

/** Our AS65001 and two peers at two exchanges; both peers' contact is the lab's peer mailbox. */
async function world(followUp: { afterHours: number; max: number; mode: 'send' | 'suggest' }) {
  await db().insert(pdbExchanges).values([
    { id: 1, name: 'LAB-IX' },
    { id: 2, name: 'LAB-IX-2' },
  ]);
  await db().insert(pdbNetworks).values([
    { id: 10, asn: 65001, name: 'Peerdesk Lab' },
    { id: 20, asn: 65002, name: 'Peer Lab' },
    { id: 30, asn: 65003, name: 'Other Peer Lab' },
  ]);
  await db().insert(pdbContacts).values([
    { id: 1, netId: 20, role: 'Policy', visible: 'Public', name: 'Peer NOC', email: PEER },
    { id: 2, netId: 30, role: 'Policy', visible: 'Public', name: 'Other NOC', email: PEER },
  ]);
  await db().insert(pdbNetIxlans).values([
    { id: 1, netId: 10, asn: 65001, ixId: 1, ixlanId: 1, ipaddr4: '10.0.12.1' },
    { id: 2, netId: 20, asn: 65002, ixId: 1, ixlanId: 1, ipaddr4: '10.0.12.2' },
    { id: 3, netId: 10, asn: 65001, ixId: 2, ixlanId: 2, ipaddr4: '10.0.13.1' },
    { id: 4, netId: 20, asn: 65002, ixId: 2, ixlanId: 2, ipaddr4: '10.0.13.2' },
    { id: 5, netId: 30, asn: 65003, ixId: 1, ixlanId: 1, ipaddr4: '10.0.12.3' },
  ]);
  await db().insert(localAsns).values({ asn: 65001 });
  const admin = await makeUser('global_admin');
  expect(
    await updateMailSettings(admin, {
      smtp: { host: '127.0.0.1', port: SMTP, tls: 'none', user: US, password: 'secret' },
      imap: { host: '127.0.0.1', port: IMAP, tls: 'none', user: US, password: 'secret' },
      fromName: 'Lab Peering',
      fromAddress: US,
    }),
  ).toMatchObject({ ok: true });
  expect(await updatePeeringSettings(admin, { followUp })).toMatchObject({ ok: true, data: { followUp } });
  // the test database is fresh, the lab mailbox is not: start the watermark at what is already there
  await syncMail(await mailConfig());
  await db().delete(emails);
  return admin;
}

/** Time passes: every request and follow-up is moved back by that many hours. */
async function hoursPass(hours: number) {
  const back = sql`make_interval(hours => ${hours})`;
  await db()
    .update(peerStatuses)
    .set({ lastRequestAt: sql`${peerStatuses.lastRequestAt} - ${back}`, lastFollowUpAt: sql`${peerStatuses.lastFollowUpAt} - ${back}` });
}

/** Messages in the peer's INBOX that belong to the thread started by `root` (or, given a subject, carry it). */
async function peerThread(root: string, by: 'references' | 'subject' = 'references') {
  const client = new ImapFlow({ host: '127.0.0.1', port: IMAP, secure: false, doSTARTTLS: false, auth: { user: PEER, pass: 'secret' }, logger: false });
  await client.connect();
  const lock = await client.getMailboxLock('INBOX');
  try {
    const found = (await client.search(by === 'subject' ? { subject: root } : { header: { references: root } }, { uid: true })) || [];
    const out = [];
    for (const uid of found) {
      const m = await client.fetchOne(String(uid), { envelope: true, source: true }, { uid: true });
      if (m) out.push({ subject: m.envelope?.subject, inReplyTo: m.envelope?.inReplyTo, text: m.source?.toString() ?? '' });
    }
    return out;
  } finally {
    lock.release();
    await client.logout();
  }
}

async function send(admin: Actor, peerAsn: number, ixIds?: number[]) {
  const sent = await sendDraftedRequest(admin, { peerAsn, ixIds });
  if (!sent.ok) throw new Error(sent.error.message);
  return sent.data;
}

async function replyAsPeer(inReplyTo: string, references: string[]) {
  const relay = nodemailer.createTransport({ host: '127.0.0.1', port: SMTP, ignoreTLS: true, auth: { user: PEER, pass: 'secret' } });
  await relay.sendMail({ from: PEER, to: US, subject: 'Re: peering', text: 'Sure, configuring now.', inReplyTo, references });
  relay.close();
}

describe('follow-ups of peering requests through the real mail lab', () => {
  it('a request with no reply gets exactly max follow-ups in its thread, then is stalled', async () => {
    const admin = await world({ afterHours: 24, max: 2, mode: 'send' });
    const request = await send(admin, 65002, [1]);

    expect(await followUpPass()).toMatchObject({ sent: [], stalled: [] }); // not due yet
    await hoursPass(25);
    expect((await followUpPass()).sent).toEqual([expect.objectContaining({ peerAsn: 65002, number: 1, to: [PEER] })]);
    expect((await followUpPass()).sent).toEqual([]); // the next one waits another interval
    await hoursPass(25);
    expect((await followUpPass()).sent).toEqual([expect.objectContaining({ number: 2 })]);
    await hoursPass(25);
    const last = await followUpPass();
    expect(last).toMatchObject({ sent: [], stalled: [{ peerAsn: 65002, ixId: 1 }] });
    await hoursPass(25);
    expect(await followUpPass()).toMatchObject({ sent: [], stalled: [] });

    const thread = await peerThread(request.messageId);
    expect(thread).toHaveLength(2);
    for (const m of thread) {
      expect(m.subject).toMatch(/^Re: Peering request: AS65001/);
      expect(m.text).toContain('> Dear Peer NOC'); // quotes the first request
    }
    const page = await listPipeline(db(), requestListFilters.parse({}));
    expect(page.rows).toEqual([expect.objectContaining({ peerAsn: 65002, ixId: 1, stage: 'stalled', followUps: 2, nextFollowUpAt: null })]);
    const notes = await db().select().from(peerNotes).where(eq(peerNotes.peerAsn, 65002));
    expect(notes.filter((n) => n.kind === 'follow_up').map((n) => n.comment)).toEqual([`Follow-up 1 of 2 e-mailed to ${PEER}`, `Follow-up 2 of 2 e-mailed to ${PEER}`]);
    expect(notes.filter((n) => n.kind === 'stalled')).toHaveLength(1);
    // our copies are in Sent, in the request's thread
    await syncMail(await mailConfig());
    const ours = await db().select().from(emails).where(and(eq(emails.mailbox, 'sent'), eq(emails.threadId, request.messageId)));
    expect(ours).toHaveLength(3);
    expect(ours.every((e) => e.uid !== null)).toBe(true);
  });

  it('a reply in the thread stops the follow-ups and puts the request at the top as replied', async () => {
    const admin = await world({ afterHours: 24, max: 3, mode: 'send' });
    const request = await send(admin, 65002, [1]);
    await send(admin, 65003, [1]);
    await hoursPass(25);
    const first = await followUpPass();
    expect(first.sent.map((s) => s.peerAsn).sort()).toEqual([65002, 65003]);
    const followUp = (await db().select().from(emails).where(eq(emails.id, first.sent.find((s) => s.peerAsn === 65002)!.emailId)))[0];
    await replyAsPeer(followUp.messageId!, [request.messageId, followUp.messageId!]);
    await hoursPass(25);
    const second = await followUpPass();
    expect(second.replied).toBe(1);
    expect(second.sent).toEqual([expect.objectContaining({ peerAsn: 65003, number: 2 })]);
    const page = await listPipeline(db(), requestListFilters.parse({}));
    expect(page.rows.map((r) => [r.peerAsn, r.stage])).toEqual([
      [65002, 'replied'],
      [65003, 'sent'],
    ]);
    expect(page.rows[0].repliedAt).toBeInstanceOf(Date);
    expect(page.rows[0].replyEmailId).not.toBeNull();
    expect(page.rows[0].nextFollowUpAt).toBeNull();
    expect(await peerThread(request.messageId)).toHaveLength(1);
  });

  it("don't-ask-until holds for follow-ups and bulk sends, and a manual request needs the confirmation", async () => {
    const admin = await world({ afterHours: 24, max: 2, mode: 'send' });
    const request = await send(admin, 65002, [1, 2]);
    const until = new Date(Date.now() + 30 * 86_400_000);
    expect(await changePeerStatus(admin, { peerAsn: 65002, ixId: 1, action: 'mark_rejected', doNotAskUntil: until })).toMatchObject({ ok: true });
    await hoursPass(25);
    // LAB-IX-2 still waits, but the network declined: no follow-up goes out
    expect(await followUpPass()).toMatchObject({ sent: [] });
    expect(await peerThread(request.messageId)).toHaveLength(0);
    const page = await listPipeline(db(), requestListFilters.parse({ exchangeId: 2 }));
    expect(page.rows).toEqual([expect.objectContaining({ peerAsn: 65002, stage: 'sent', nextFollowUpAt: null, doNotAskUntil: until })]);

    // what the bulk page sends for every selected network: refused with the reason
    await changePeerStatus(admin, { peerAsn: 65002, ixId: 1, action: 'reset' });
    const bulk = await sendDraftedRequest(admin, { peerAsn: 65002, ixIds: [1] });
    expect(bulk).toMatchObject({ ok: false, error: { code: 'conflict', fields: { force: expect.stringContaining(`not to be asked until ${until.toISOString().slice(0, 10)}`) } } });
    const forced = await sendDraftedRequest(admin, { peerAsn: 65002, ixIds: [1], force: true });
    expect(forced).toMatchObject({ ok: true, data: { exchanges: [{ ixId: 1, to: 'request_sent' }] } });
    const [row] = await db().select().from(peerStatuses).where(and(eq(peerStatuses.peerAsn, 65002), eq(peerStatuses.ixId, 1)));
    expect(row.doNotAskUntil).toBeNull();
  });
});

describe('bulk notices through the real mail lab', () => {
  it('a notice to every peer on a router reaches each peer once, with its own sessions, within the hourly limit', async () => {
    const admin = await world({ afterHours: 24, max: 2, mode: 'suggest' });
    // a second contact of AS65002 with the same mailbox: still one message
    await db().insert(pdbContacts).values({ id: 3, netId: 20, role: 'NOC', visible: 'Public', name: 'Peer NOC desk', email: 'NOC@peer.test' });
    const [r1, r2] = await db()
      .insert(routers)
      .values([
        { name: 'lab-r1', hostname: 'r1.lab', platform: 'frr', localAsn: 65001 },
        { name: 'lab-r2', hostname: 'r2.lab', platform: 'bird', localAsn: 65001 },
      ])
      .returning();
    await db().insert(bgpSessions).values([
      { routerId: r1.id, ixId: 1, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.12.2', localIp: '10.0.12.1' },
      { routerId: r1.id, ixId: 2, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.13.2', localIp: '10.0.13.1' },
      { routerId: r1.id, ixId: 1, localAsn: 65001, peerAsn: 65003, peerIp: '10.0.12.3', localIp: '10.0.12.1' },
      { routerId: r2.id, ixId: 1, localAsn: 65001, peerAsn: 65004, peerIp: '10.0.12.4' },
    ]);
    expect(await updatePeeringSettings(admin, { notices: { maxPerHour: 2 } })).toMatchObject({ ok: true });
    const token = `mnt-${Date.now()}`;
    const subject = `Maintenance ${token} AS{{ peer.asn }}`;
    const body = 'Sessions:{% for s in sessions %} {{ s.exchange }} {{ s.peer_ip }}{% endfor %}';
    const notice = await sendNotice(admin, { routerId: r1.id, subject, body });
    expect(notice).toMatchObject({
      ok: true,
      data: {
        results: [
          { peerAsn: 65002, status: 'sent', to: [PEER] },
          { peerAsn: 65003, status: 'sent', to: [PEER] },
        ],
      },
    });
    const inbox = await peerThread(token, 'subject');
    expect(inbox.map((m) => m.subject).sort()).toEqual([`Maintenance ${token} AS65002`, `Maintenance ${token} AS65003`]);
    expect(inbox.find((m) => m.subject?.endsWith('AS65002'))?.text).toContain('Sessions: LAB-IX 10.0.12.2 LAB-IX-2 10.0.13.2');
    const filed = await db().select().from(emails).where(eq(emails.association, 'notice'));
    expect(filed.map((e) => e.peerAsn).sort()).toEqual([65002, 65003]);
    const notes = await db().select().from(peerNotes).where(eq(peerNotes.kind, 'notice'));
    expect(notes).toHaveLength(2);

    // the hour's allowance is used up: nothing more goes out
    const again = await sendNotice(admin, { peerAsns: [65002], subject: `Again ${token}`, body: 'x' });
    expect(again).toMatchObject({ ok: true, data: { results: [{ peerAsn: 65002, status: 'skipped', error: expect.stringContaining('limit of 2 notices an hour') }] } });
    expect(await peerThread(`Again ${token}`, 'subject')).toHaveLength(0);
  });
});

describe('notification e-mails through the real mail lab', () => {
  it('a user who chose an event gets one e-mail, not filed in the peering Sent folder', async () => {
    await world({ afterHours: 24, max: 2, mode: 'suggest' });
    const me = await makeUser('viewer', US);
    expect(await setNotificationPreferences(me, { emailEvents: ['peer.approved'] })).toMatchObject({ ok: true });
    const token = `approved-${Date.now()}`;
    await notify('peer.approved', { text: `AS65002 was approved ${token}` });
    const [job] = await db().select().from(jobs).where(eq(jobs.kind, 'notification.email'));
    expect(await tick({ only: job.id })).toEqual([expect.objectContaining({ status: 'succeeded' })]);
    const results = await syncMail(await mailConfig());
    const arrived = await db().select().from(emails).where(eq(emails.subject, '[Peerdesk] A peer was approved'));
    expect(arrived.filter((e) => e.textBody?.includes(token)).map((e) => e.mailbox)).toEqual(['inbox']);
    expect(results.find((r) => r.mailbox === 'sent')?.stored).toBe(0);
  });
});
