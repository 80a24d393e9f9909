import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { emails, pdbNetworks } from '@/db/schema';
import { GET as listRoute } from '@/app/api/v1/emails/route';
import { GET as oneRoute } from '@/app/api/v1/emails/[id]/route';
import { POST as associateRoute } from '@/app/api/v1/emails/[id]/associate/route';
import { GET as getSettings, PATCH as patchSettings } from '@/app/api/v1/settings/route';
import { requestDraft } from '@/lib/peering/requests';
import { markIncomingRequest } from '@/lib/mail/service';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';
import { loadPeeringWorld } from './peers-fixture';

useTestDatabase();

async function mailbox() {
  await db().insert(pdbNetworks).values({ id: 2000, asn: 65002, name: 'Peer Lab' });
  const rows = await db()
    .insert(emails)
    .values([
      { mailbox: 'sent', uidValidity: 1, uid: 1, messageId: '<req@example.test>', threadId: '<req@example.test>', fromAddress: 'peering@example.test', toAddresses: ['noc@peer.test'], subject: 'Peering request AS64500 and AS65002', date: new Date('2026-11-01T10:00:00Z'), seen: true, peerAsn: 65002, association: 'request' },
      { mailbox: 'inbox', uidValidity: 1, uid: 1, messageId: '<re@peer.test>', inReplyTo: '<req@example.test>', references: ['<req@example.test>'], threadId: '<req@example.test>', fromAddress: 'noc@peer.test', fromName: 'Peer NOC', subject: 'Re: Peering request', date: new Date('2026-11-02T10:00:00Z'), peerAsn: 65002, association: 'thread', htmlSanitized: '<p>ok</p>', attachments: [{ filename: 'loa.pdf', contentType: 'application/pdf', size: 1234, contentId: null }] },
      { mailbox: 'inbox', uidValidity: 1, uid: 2, messageId: '<spam@x.test>', threadId: '<spam@x.test>', fromAddress: 'sales@x.test', subject: 'Buy transit', date: new Date('2026-11-03T10:00:00Z') },
    ])
    .returning({ id: emails.id });
  return rows.map((r) => r.id);
}

describe('the peering mailbox API', () => {
  it('lists newest first, searches sender, subject and peer in SQL, and groups threads', async () => {
    await mailbox();
    const token = await tokenFor(await makeUser('global_admin'));
    const all = await callRoute(listRoute, { token, path: '/emails' });
    expect(all.status).toBe(200);
    expect((all.json.data as { subject: string }[]).map((e) => e.subject)).toEqual(['Buy transit', 'Re: Peering request', 'Peering request AS64500 and AS65002']);
    const byPeer = await callRoute(listRoute, { token, path: '/emails?q=peer%20lab' });
    expect((byPeer.json.data as unknown[]).length).toBe(2);
    const byAsn = await callRoute(listRoute, { token, path: '/emails?q=AS65002' });
    expect((byAsn.json.data as unknown[]).length).toBe(2);
    const bySender = await callRoute(listRoute, { token, path: '/emails?q=sales@' });
    expect(bySender.json.data).toEqual([expect.objectContaining({ subject: 'Buy transit', peer: null, association: null })]);
    const threads = await callRoute(listRoute, { token, path: '/emails?threads=true' });
    expect(threads.json.data).toEqual([
      expect.objectContaining({ subject: 'Buy transit', threadCount: 1 }),
      expect.objectContaining({ subject: 'Re: Peering request', threadCount: 2, peer: { asn: 65002, name: 'Peer Lab' }, association: 'thread' }),
    ]);
    const paged = await callRoute(listRoute, { token, path: '/emails?limit=1' });
    expect(paged.json).toMatchObject({ next: '1' });
  });

  it('shows one message with its attachments, and ties or unties it by hand', async () => {
    const [, reply, spam] = await mailbox();
    const token = await tokenFor(await makeUser('global_admin'));
    const one = await callRoute(oneRoute, { token, path: `/emails/${reply}`, params: { id: String(reply) } });
    expect(one.json).toMatchObject({ from: { address: 'noc@peer.test', name: 'Peer NOC' }, html: '<p>ok</p>', attachments: [{ filename: 'loa.pdf', size: 1234 }], inReplyTo: '<req@example.test>' });
    const tie = await callRoute(associateRoute, { token, method: 'POST', path: `/emails/${spam}/associate`, params: { id: String(spam) }, body: { peerAsn: 'AS65002' } });
    expect(tie).toMatchObject({ status: 200, json: { peerAsn: 65002, association: 'manual' } });
    const untie = await callRoute(associateRoute, { token, method: 'POST', path: `/emails/${spam}/associate`, params: { id: String(spam) }, body: { peerAsn: null } });
    expect(untie).toMatchObject({ status: 200, json: { peerAsn: null, association: null } });
    const bad = await callRoute(associateRoute, { token, method: 'POST', path: `/emails/${spam}/associate`, params: { id: String(spam) }, body: { peerAsn: 'ASX' } });
    expect(bad.status).toBe(400);
    expect((await callRoute(oneRoute, { token, path: '/emails/999', params: { id: '999' } })).status).toBe(404);
  });

  it.each(['admin', 'operator', 'viewer'] as const)('is Global Admins only: %s is refused', async (role) => {
    const [id] = await mailbox();
    const token = await tokenFor(await makeUser(role));
    expect((await callRoute(listRoute, { token, path: '/emails' })).status).toBe(403);
    expect((await callRoute(oneRoute, { token, path: `/emails/${id}`, params: { id: String(id) } })).status).toBe(403);
    expect((await callRoute(associateRoute, { token, method: 'POST', path: `/emails/${id}/associate`, params: { id: String(id) }, body: { peerAsn: 65002 } })).status).toBe(403);
  });
});

describe('mail settings', () => {
  it('keeps passwords write-only and lets only Global Admins change the mail part', async () => {
    const gaToken = await tokenFor(await makeUser('global_admin'));
    const adminToken = await tokenFor(await makeUser('admin'));
    const mail = { smtp: { host: 'smtp.example.test', port: 587, tls: 'starttls', user: 'peering', password: 'smtp-secret-1' }, imap: { host: 'imap.example.test', port: 993, tls: 'tls', user: 'peering', password: 'imap-secret-2' }, resendAfterDays: 7 };
    expect((await callRoute(patchSettings, { token: adminToken, method: 'PATCH', path: '/settings', body: { mail } })).json).toMatchObject({ error: { code: 'forbidden' } });
    const saved = await callRoute(patchSettings, { token: gaToken, method: 'PATCH', path: '/settings', body: { mail } });
    expect(saved.status).toBe(200);
    const view = await callRoute(getSettings, { token: gaToken, path: '/settings' });
    expect(view.json.mail).toMatchObject({ smtp: { host: 'smtp.example.test', hasPassword: true }, imap: { port: 993, tls: 'tls', hasPassword: true }, resendAfterDays: 7 });
    const text = JSON.stringify(view.json) + JSON.stringify(saved.json);
    expect(text).not.toContain('smtp-secret-1');
    expect(text).not.toContain('imap-secret-2');
    expect((await callRoute(getSettings, { token: adminToken, path: '/settings' })).json).not.toHaveProperty('mail');
    const stored = JSON.stringify(await db().execute(`select value from settings where key = 'mail'`));
    expect(stored).not.toContain('smtp-secret-1');
    const invalid = await callRoute(patchSettings, { token: gaToken, method: 'PATCH', path: '/settings', body: { mail: { smtp: { port: 70000 } } } });
    expect(invalid).toMatchObject({ status: 400, json: { error: { fields: { 'mail.smtp.port': expect.any(String) } } } });
  });
});

describe('the request draft', () => {
  it('addresses the Policy contact and lists the shared exchanges with both sides\u2019 IPs', async () => {
    await loadPeeringWorld();
    const draft = await requestDraft(db(), { peerAsn: 64501 });
    expect(draft.to).toMatchObject({ email: 'peering@alpha.example' });
    expect(draft.contactNote).toBeNull();
    expect(draft.exchanges.map((x) => [x.name, x.ourIp4, x.peerIp4])).toEqual([
      ['AMS-EX', '192.0.2.1', '192.0.2.11'],
      ['FRA-EX', '198.51.100.1', '198.51.100.11'],
    ]);
    expect(draft.body).toContain('192.0.2.11');
  });

  it('says clearly when no contact is visible', async () => {
    await loadPeeringWorld();
    const draft = await requestDraft(db(), { peerAsn: 64502 });
    expect(draft.to).toBeNull();
    expect(draft.contactNote).toMatch(/No contact of AS64502 is visible.*API key/);
  });

  it('marks a message from a network we have not asked as an incoming request at a shared exchange', async () => {
    await loadPeeringWorld();
    const admin = await makeUser('global_admin');
    const [m] = await db().insert(emails).values({ mailbox: 'inbox', uidValidity: 1, uid: 9, fromAddress: 'peering@alpha.example', subject: 'Peer with us?', peerAsn: 64501, association: 'address' }).returning();
    expect(await markIncomingRequest(admin, { id: m.id, ixId: 26 })).toMatchObject({ ok: true, data: { from: 'new', to: 'request_received', peerAsn: 64501 } });
    expect(await markIncomingRequest(admin, { id: m.id, ixId: 26 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const [untied] = await db().insert(emails).values({ mailbox: 'inbox', uidValidity: 1, uid: 10, subject: 'who?' }).returning();
    expect(await markIncomingRequest(admin, { id: untied.id, ixId: 26 })).toMatchObject({
      ok: false,
      error: { fields: { peerAsn: expect.any(String) } },
    });
  });
});
