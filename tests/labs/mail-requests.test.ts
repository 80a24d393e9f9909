import { randomBytes } from 'node:crypto';
import net from 'node:net';
import nodemailer from 'nodemailer';
import { ImapFlow } from 'imapflow';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { emails, localAsns, mailSyncState, pdbContacts, pdbExchanges, pdbNetIxlans, pdbNetworks, peerNotes, peerStatuses } from '@/db/schema';
import { updateMailSettings, mailConfig } from '@/lib/mail/settings';
import { syncMail } from '@/lib/mail/sync';
import { requestMailSync } from '@/lib/mail/job';
import { tick } from '@/lib/jobs/runner';
import { sendDraftedRequest } from '@/lib/peering/requests';
import { changePeerStatus } from '@/lib/peering/service';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

const need = ['MAIL_LAB_IMAP_PORT', 'MAIL_LAB_SMTP_PORT', 'MAIL_LAB_LMTP_PORT'].filter((n) => !process.env[n]);
if (need.length) throw new Error(`mail lab env missing (${need.join(', ')}): bash scripts/labs/mail-lab.sh up && eval "$(bash scripts/labs/mail-lab.sh env)"`);
const IMAP = Number(process.env.MAIL_LAB_IMAP_PORT);
const SMTP = Number(process.env.MAIL_LAB_SMTP_PORT);
const LMTP = Number(process.env.MAIL_LAB_LMTP_PORT);
const US = 'peering@example.test';
const PEER = 'noc@peer.test';

useTestDatabase();

async function world(imapPort = IMAP) {
  await db().insert(pdbExchanges).values({ id: 1, name: 'LAB-IX' });
  await db().insert(pdbNetworks).values([
    { id: 10, asn: 65001, name: 'Peerdesk Lab', irrAsSet: 'AS-LAB' },
    { id: 20, asn: 65002, name: 'Peer Lab', policyGeneral: 'Open' },
  ]);
  await db().insert(pdbContacts).values({ id: 1, netId: 20, role: 'Policy', visible: 'Public', name: 'Peer NOC', email: PEER });
  await db().insert(pdbNetIxlans).values([
    { id: 1, netId: 10, asn: 65001, ixId: 1, ixlanId: 1, ipaddr4: '10.0.12.1', ipaddr6: '2001:db8:12::1' },
    { id: 2, netId: 20, asn: 65002, ixId: 1, ixlanId: 1, ipaddr4: '10.0.12.2', ipaddr6: '2001:db8:12::2' },
  ]);
  await db().insert(localAsns).values({ asn: 65001 });
  const admin = await makeUser('global_admin');
  const saved = await updateMailSettings(admin, {
    smtp: { host: '127.0.0.1', port: SMTP, tls: 'none', user: US, password: 'secret' },
    imap: { host: '127.0.0.1', port: imapPort, tls: 'none', user: US, password: 'secret' },
    fromName: 'Lab Peering',
    fromAddress: US,
  });
  expect(saved.ok).toBe(true);
  return admin;
}

async function peerInbox() {
  const client = new ImapFlow({ host: '127.0.0.1', port: IMAP, secure: false, doSTARTTLS: false, auth: { user: PEER, pass: 'secret' }, logger: false });
  await client.connect();
  return client;
}

const lmtp = () => nodemailer.createTransport({ host: '127.0.0.1', port: LMTP, lmtp: true, ignoreTLS: true });

describe('peering requests through the real mail lab', () => {
  it('a request reaches the peer and our Sent, the reply threads to the peer, and the peer can be approved', async () => {
    const admin = await world();
    // the test database is fresh, the lab mailbox is not: start the watermark at what is already there
    await syncMail(await mailConfig());
    await db().delete(emails);
    const sent = await sendDraftedRequest(admin, { peerAsn: 65002 });
    expect(sent).toMatchObject({ ok: true, data: { to: [PEER], exchanges: [{ ixId: 1, from: 'new', to: 'request_sent' }], sentCopyError: null } });
    if (!sent.ok) return;

    const peer = await peerInbox();
    const lock = await peer.getMailboxLock('INBOX');
    const found = await peer.search({ header: { 'message-id': sent.data.messageId } }, { uid: true });
    expect(found).toHaveLength(1);
    const original = await peer.fetchOne(String(found && found[0]), { envelope: true }, { uid: true });
    expect(original && original.envelope?.subject).toContain('AS65002');
    lock.release();

    const [status] = await db().select().from(peerStatuses).where(eq(peerStatuses.peerAsn, 65002));
    expect(status).toMatchObject({ status: 'request_sent' });
    expect(status.lastRequestAt).toBeInstanceOf(Date);
    const notes = await db().select().from(peerNotes).where(eq(peerNotes.peerAsn, 65002));
    expect(notes[0]).toMatchObject({ toStatus: 'request_sent', emailId: sent.data.emailId });

    await syncMail(await mailConfig());
    const ours = await db().select().from(emails).where(eq(emails.messageId, sent.data.messageId));
    expect(ours).toEqual([expect.objectContaining({ mailbox: 'sent', peerAsn: 65002, association: 'request' })]);
    expect(ours[0].uid).not.toBeNull();

    // resend within 14 days: refused with the date, unless forced
    const again = await sendDraftedRequest(admin, { peerAsn: 65002 });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!again.ok) expect(again.error.message).toMatch(/can be resent from \d{4}-\d\d-\d\d/);
    expect(await sendDraftedRequest(admin, { peerAsn: 65002, force: true })).toMatchObject({ ok: true, data: { exchanges: [{ from: 'request_sent', to: 'request_sent' }] } });

    // the peer replies through the relay
    const relay = nodemailer.createTransport({ host: '127.0.0.1', port: SMTP, ignoreTLS: true, auth: { user: PEER, pass: 'secret' } });
    await relay.sendMail({ from: PEER, to: US, subject: 'Re: peering', text: 'Configured on our side.', inReplyTo: sent.data.messageId, references: [sent.data.messageId] });
    relay.close();
    await peer.logout();
    await syncMail(await mailConfig());
    const [reply] = await db().select().from(emails).where(eq(emails.inReplyTo, sent.data.messageId));
    expect(reply).toMatchObject({ mailbox: 'inbox', peerAsn: 65002, association: 'thread', fromAddress: PEER, threadId: sent.data.messageId });

    expect(await changePeerStatus(admin, { peerAsn: 65002, ixId: 1, action: 'mark_approved' })).toMatchObject({ ok: true, data: { to: 'approved' } });
    const forced = await sendDraftedRequest(admin, { peerAsn: 65002, ixIds: [1], force: true });
    expect(forced).toMatchObject({ ok: false, error: { code: 'conflict' } }); // approved: a request no longer applies
  });

  it('malformed MIME, Latin-1 headers, script-laden HTML and a 20 MB attachment do not stop the sync', async () => {
    await world();
    await syncMail(await mailConfig());
    const t = lmtp();
    const env = { from: 'x@evil.test', to: [US] };
    const CRLF = (s: string) => s.replace(/\r?\n/g, '\r\n');
    await t.sendMail({ envelope: env, raw: CRLF('From: "Bad" <bad@evil.test>\nTo: peering@example.test\nSubject: broken mime\nThis line has no colon\nMessage-ID: <m1@evil.test>\nContent-Type: multipart/mixed; boundary="XX"\n\n--XX\nContent-Type: text/plain; charset=x-does-not-exist\n\nhello\n--XX\nContent-Type: application/octet-stream; name=a.bin\nContent-Transfer-Encoding: base64\n\n!!!notbase64@@@==\n') });
    await t.sendMail({ envelope: env, raw: Buffer.concat([Buffer.from('From: =?koi8-r?B?8NLJ18XU?= <ru@evil.test>\r\nTo: peering@example.test\r\nSubject: Caf'), Buffer.from([0xe9]), Buffer.from(' AS65002\r\nMessage-ID: <n1@evil.test>\r\n\r\nbody\r\n')]) });
    await t.sendMail({ envelope: env, raw: CRLF('From: x@evil.test\nTo: peering@example.test\nSubject: html only\nMessage-ID: <h1@evil.test>\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<p onclick="alert(1)">Hi</p><script>alert(document.cookie)</script><a href="javascript:alert(3)">link</a><iframe src="https://evil.test"></iframe><img src="https://tracker.evil.test/p.gif">\n') });
    t.close();
    const relay = nodemailer.createTransport({ host: '127.0.0.1', port: SMTP, ignoreTLS: true });
    await relay.sendMail({ from: 'x@evil.test', to: US, subject: 'big 20MB', text: 'see attached', messageId: '<big@evil.test>', attachments: [{ filename: 'dump.bin', content: randomBytes(20 * 1024 * 1024) }] });
    relay.close();

    const results = await syncMail(await mailConfig());
    expect(results[0]).toMatchObject({ mailbox: 'inbox', fetched: 4, stored: 4 });
    const byId = async (id: string) => (await db().select().from(emails).where(eq(emails.messageId, id)))[0];
    expect(await byId('<m1@evil.test>')).toMatchObject({ subject: 'broken mime' });
    const latin = await byId('<n1@evil.test>');
    expect(latin).toMatchObject({ subject: 'Café AS65002', fromName: 'Привет', peerAsn: 65002, association: 'subject' });
    const html = await byId('<h1@evil.test>');
    expect(html.htmlSanitized).not.toMatch(/<script|onclick|javascript:|<iframe/i);
    expect(html.hasRemoteImages).toBe(true);
    const big = await byId('<big@evil.test>');
    expect(big.attachments).toEqual([expect.objectContaining({ filename: 'dump.bin', size: 20 * 1024 * 1024 })]);
  });

  it('an IMAP connection dropped mid-sync is recorded, and the next run resumes without duplicates', async () => {
    // a proxy that cuts the connection after some bytes of server output
    let budget = Infinity;
    const proxy = net.createServer((client) => {
      const server = net.createConnection(IMAP, '127.0.0.1');
      let seen = 0;
      server.on('data', (chunk) => {
        seen += chunk.length;
        if (seen > budget) {
          client.destroy();
          server.destroy();
        } else client.write(chunk);
      });
      client.on('data', (chunk) => server.write(chunk));
      client.on('error', () => server.destroy());
      server.on('error', () => client.destroy());
      client.on('close', () => server.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as net.AddressInfo).port;
    await world(port);
    const config = await mailConfig();
    await syncMail(config);
    await db().delete(emails);
    const tag = randomBytes(3).toString('hex');
    const t = lmtp();
    for (let i = 0; i < 30; i++) await t.sendMail({ envelope: { from: 'x@evil.test', to: [US] }, raw: `From: x@evil.test\r\nSubject: bulk-${tag} ${i}\r\nMessage-ID: <bulk-${i}-${Date.now()}@evil.test>\r\n\r\n${'x'.repeat(2000)}\r\n` });
    t.close();
    budget = 40_000;
    await expect(syncMail(config, { batchSize: 5 })).rejects.toThrow(/IMAP 127\.0\.0\.1:\d+, folder INBOX/);
    const [state] = await db().select().from(mailSyncState).where(eq(mailSyncState.mailbox, 'inbox'));
    expect(state.lastError).toMatch(/IMAP 127\.0\.0\.1/);
    const partial = (await db().select().from(emails)).length;
    expect(partial).toBeLessThan(30);
    budget = Infinity;
    await syncMail(config, { batchSize: 5 });
    const all = await db().select({ subject: emails.subject }).from(emails);
    const bulk = all.filter((e) => e.subject?.startsWith(`bulk-${tag} `));
    expect(bulk).toHaveLength(30);
    expect(new Set(bulk.map((b) => b.subject)).size).toBe(30);
    const [after] = await db().select().from(mailSyncState).where(eq(mailSyncState.mailbox, 'inbox'));
    expect(after.lastError).toBeNull();
    proxy.close();
  });

  it('"Sync now" runs the mail.sync job, which records the sync state', async () => {
    const admin = await world();
    const job = await requestMailSync(admin, {});
    expect(job.ok).toBe(true);
    if (!job.ok) return;
    const [run] = await tick({ only: job.data.id });
    expect(run).toMatchObject({ status: 'succeeded' });
    const states = await db().select().from(mailSyncState);
    expect(states.map((s) => [s.mailbox, s.lastError])).toEqual(expect.arrayContaining([['inbox', null], ['sent', null]]));
  });
});
