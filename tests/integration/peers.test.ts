import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as peersRoute from '@/app/api/v1/peers/route';
import * as peerRoute from '@/app/api/v1/peers/[asn]/route';
import * as notesRoute from '@/app/api/v1/peers/[asn]/notes/route';
import * as statusRoute from '@/app/api/v1/peers/[asn]/status/route';
import { db } from '@/db/client';
import { getExchange, listExchangeNetworks } from '@/db/queries/exchanges';
import { getPeerDetails } from '@/db/queries/peer-details';
import { listPeerOverview } from '@/db/queries/peers';
import { bgpSessions, emails, localAsns, peerNotes, peerStatuses, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { addPeerNote, changePeerStatus, changePeerStatuses } from '@/lib/peering/service';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';
import { AMS, FRA, US, loadPeeringWorld } from './peers-fixture';

useTestDatabase();

let operator: Actor;
const page = { limit: 50, offset: 0 };

beforeEach(async () => {
  await loadPeeringWorld();
  operator = await makeUser('operator', 'olga@example.test');
});

const status = async (peerAsn: number, ixId = AMS) =>
  (await db().select().from(peerStatuses).where(eq(peerStatuses.peerAsn, peerAsn))).find((r) => r.ixId === ixId)?.status ?? 'new';

describe('status changes', () => {
  it('moves through the workflow and writes the notes log with who, from, to and the comment', async () => {
    expect(await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'mark_request_received', comment: 'They wrote to us' })).toMatchObject({
      ok: true,
      data: { localAsn: US, from: 'new', to: 'request_received' },
    });
    expect(await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'mark_approved' })).toMatchObject({ ok: true, data: { from: 'request_received', to: 'approved' } });
    expect(await status(64501)).toBe('approved');
    const notes = await db().select().from(peerNotes).where(eq(peerNotes.peerAsn, 64501)).orderBy(asc(peerNotes.id));
    expect(notes.map((n) => [n.kind, n.fromStatus, n.toStatus, n.comment, n.actorId, n.localAsn, n.ixId])).toEqual([
      ['status', 'new', 'request_received', 'They wrote to us', operator.id, US, AMS],
      ['status', 'request_received', 'approved', null, operator.id, US, AMS],
    ]);
    const details = await getPeerDetails(db(), 64501, { withEmails: false });
    expect(details.notes.map((n) => [n.who, n.fromStatus, n.toStatus])).toEqual([
      ['olga@example.test', 'request_received', 'approved'],
      ['olga@example.test', 'new', 'request_received'],
    ]);
  });

  it('refuses an action that does not apply, saying why, and changes nothing', async () => {
    expect(await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'mark_approved' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: '"Mark Approved" does not apply to a peer whose status is New' },
    });
    expect(await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'reset' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await db().select().from(peerNotes)).toEqual([]);
    expect(await db().select().from(peerStatuses)).toEqual([]);
  });

  it('leaves send and resend to the request email', async () => {
    const result = await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'send_request' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { action: expect.stringContaining('Send Request') } } });
  });

  it('asks which local ASN when we have several at the exchange, and refuses an ASN that is not ours', async () => {
    await db().insert(localAsns).values({ asn: 64499 });
    await db().execute(`insert into pdb_netixlan (id, net_id, asn, ix_id, ixlan_id, ipaddr4) values (99, 999, 64499, ${AMS}, ${AMS + 100}, '192.0.2.99')`);
    const ambiguous = await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'mark_existing' });
    expect(ambiguous).toMatchObject({ ok: false, error: { fields: { localAsn: 'You have several ASNs at AMS-EX: choose AS64499 or AS64500' } } });
    // Only AS64500 is at FRA-EX, so it needs no choice there.
    expect(await changePeerStatus(operator, { peerAsn: 64501, ixId: FRA, action: 'mark_existing' })).toMatchObject({ ok: true, data: { localAsn: US } });
    expect(await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, localAsn: 64510, action: 'mark_existing' })).toMatchObject({
      ok: false,
      error: { fields: { localAsn: expect.stringContaining('not one of your ASNs') } },
    });
    expect(await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, localAsn: 64499, action: 'mark_existing' })).toMatchObject({ ok: true });
  });

  it('bulk: all or nothing, naming the networks the action does not apply to', async () => {
    await changePeerStatus(operator, { peerAsn: 64503, ixId: AMS, action: 'mark_existing' });
    const refused = await changePeerStatuses(operator, { ixId: AMS, peerAsns: [64501, 64502, 64503], action: 'mark_not_qualified' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'conflict', message: '"Mark Not Qualified" does not apply to AS64503 (Existing Peer); nothing was changed' },
    });
    expect([await status(64501), await status(64502), await status(64503)]).toEqual(['new', 'new', 'existing']);
    const done = await changePeerStatuses(operator, { ixId: AMS, peerAsns: [64501, 64502], action: 'mark_not_qualified', comment: 'Too small' });
    expect(done).toMatchObject({ ok: true, data: { changed: [{ peerAsn: 64501, from: 'new', to: 'not_qualified' }, { peerAsn: 64502, from: 'new', to: 'not_qualified' }] } });
    expect((await db().select().from(peerNotes).where(eq(peerNotes.comment, 'Too small'))).length).toBe(2);
  });

  it('the exchange counts follow: current = existing/approved, unapproved leaves out not qualified and rejected', async () => {
    const counts = async () => {
      const x = (await getExchange(db(), AMS))!;
      return [x.currentPeers, x.unapprovedPeers];
    };
    expect(await counts()).toEqual([0, 4]);
    await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'mark_existing' });
    expect(await counts()).toEqual([1, 3]);
    await changePeerStatus(operator, { peerAsn: 64502, ixId: AMS, action: 'mark_not_qualified' });
    expect(await counts()).toEqual([1, 2]);
    await changePeerStatus(operator, { peerAsn: 64503, ixId: AMS, action: 'mark_request_received' });
    expect(await counts()).toEqual([1, 2]);
    await changePeerStatus(operator, { peerAsn: 64503, ixId: AMS, action: 'mark_rejected' });
    expect(await counts()).toEqual([1, 1]);
    await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'reset' });
    expect(await counts()).toEqual([0, 2]);
    const networks = await listExchangeNetworks(db(), AMS, { ...page });
    expect(networks.map((n) => [n.asn, n.status])).toEqual([
      [64501, 'new'],
      [64502, 'not_qualified'],
      [64503, 'rejected'],
      [64504, 'new'],
    ]);
  });

  it('permissions: a viewer is refused, an operator allowed', async () => {
    const viewer = await makeUser('viewer');
    expect(await changePeerStatus(viewer, { peerAsn: 64501, ixId: AMS, action: 'mark_existing' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await changePeerStatuses(viewer, { ixId: AMS, peerAsns: [64501], action: 'mark_existing' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await addPeerNote(viewer, { peerAsn: 64501, comment: 'hi' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await addPeerNote(operator, { peerAsn: 64501, comment: 'Met at RIPE' })).toMatchObject({ ok: true, data: { comment: 'Met at RIPE' } });
    expect(await status(64501)).toBe('new');
  });
});

describe('the peer list', () => {
  beforeEach(async () => {
    const [router] = await db().insert(routers).values({ name: 'ams-rtr1', hostname: 'ams-rtr1.example.net', platform: 'frr', localAsn: US }).returning();
    await db().insert(bgpSessions).values([
      { routerId: router.id, ixId: AMS, localAsn: US, peerAsn: 64502, peerIp: '192.0.2.12' },
      { routerId: router.id, ixId: AMS, localAsn: US, peerAsn: 64504, peerIp: '192.0.2.14', removedAt: new Date() },
    ]);
    await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'mark_existing' });
    await changePeerStatus(operator, { peerAsn: 64501, ixId: FRA, action: 'mark_request_received' });
    await addPeerNote(operator, { peerAsn: 64503, comment: 'Ask again in spring' });
  });

  it('lists networks with a live session, a status or notes, with status per exchange', async () => {
    const rows = await listPeerOverview(db(), page);
    expect(rows.map((r) => [r.asn, r.name, r.statuses.map((e) => `${e.name}:${e.status}`), r.sessions, r.notes])).toEqual([
      [64501, 'Alpha Transit', ['AMS-EX:existing', 'FRA-EX:request_received'], 0, 2],
      [64502, 'Bravo Cloud', ['AMS-EX:new'], 1, 0],
      [64503, 'Charlie Hosting', [], 0, 1],
    ]);
    expect(rows[2].lastNote).toMatchObject({ kind: 'comment', comment: 'Ask again in spring' });
  });

  it('filters by status, exchange, local ASN and name or ASN, and pages', async () => {
    const asns = async (filters: Parameters<typeof listPeerOverview>[1]) => (await listPeerOverview(db(), filters)).map((r) => r.asn);
    expect(await asns({ ...page, status: 'existing' })).toEqual([64501]);
    expect(await asns({ ...page, status: 'new' })).toEqual([64502]);
    expect(await asns({ ...page, ixId: FRA })).toEqual([64501]);
    expect(await asns({ ...page, status: 'existing', ixId: FRA })).toEqual([]);
    expect(await asns({ ...page, localAsn: US })).toEqual([64501, 64502]);
    expect(await asns({ ...page, localAsn: 64999 })).toEqual([]);
    expect(await asns({ ...page, q: 'bravo' })).toEqual([64502]);
    expect(await asns({ ...page, q: 'AS64503' })).toEqual([64503]);
    expect(await asns({ limit: 1, offset: 1 })).toEqual([64502]);
  });

  it('details: PeeringDB facts, contacts, shared exchanges with both sides, status per exchange, sessions', async () => {
    const d = await getPeerDetails(db(), 64501, { withEmails: false });
    expect(d.facts).toMatchObject({ name: 'Alpha Transit', asSet: 'AS-ALPHA', policy: 'Open', prefixes4: 120, prefixes6: 30, website: 'https://alpha.example' });
    expect(d.contacts.map((c) => [c.role, c.email, c.visible])).toEqual([
      ['NOC', 'noc@alpha.example', 'Users'],
      ['Policy', 'peering@alpha.example', 'Public'],
    ]);
    expect(d.sharedExchanges).toEqual([
      { ixId: AMS, name: 'AMS-EX', localAsn: US, ourIp4: '192.0.2.1', ourIp6: '2001:db8:a::1', peerIp4: '192.0.2.11', peerIp6: '2001:db8:a::11', speed: 10_000, isRsPeer: true },
      { ixId: FRA, name: 'FRA-EX', localAsn: US, ourIp4: '198.51.100.1', ourIp6: '2001:db8:f::1', peerIp4: '198.51.100.11', peerIp6: null, speed: 10_000, isRsPeer: true },
    ]);
    expect(d.statuses.map((s) => [s.name, s.localAsn, s.status])).toEqual([
      ['AMS-EX', US, 'existing'],
      ['FRA-EX', US, 'request_received'],
    ]);
    expect(d.emails).toBeNull();
    expect((await getPeerDetails(db(), 64502, { withEmails: false })).sessions.map((s) => s.peerIp)).toEqual(['192.0.2.12']);
  });
});

describe('the peers API', () => {
  it('lists, shows, changes status and adds notes; refusals are 409 with the message', async () => {
    const token = await tokenFor(operator);
    const changed = await callRoute(statusRoute.POST, { method: 'POST', token, params: { asn: '64501' }, body: { ixId: AMS, action: 'mark_existing', comment: 'Peering since 2019' } });
    expect(changed).toMatchObject({ status: 200, json: { peerAsn: 64501, ixId: AMS, localAsn: US, from: 'new', to: 'existing' } });
    const refused = await callRoute(statusRoute.POST, { method: 'POST', token, params: { asn: '64501' }, body: { ixId: AMS, action: 'mark_approved' } });
    expect(refused).toEqual({ status: 409, json: { error: { code: 'conflict', message: '"Mark Approved" does not apply to a peer whose status is Existing Peer' } } });
    const send = await callRoute(statusRoute.POST, { method: 'POST', token, params: { asn: '64501' }, body: { exchangeId: AMS, action: 'send_request' } });
    expect(send).toMatchObject({ status: 400, json: { error: { fields: { action: expect.stringContaining('/requests') } } } });
    const missing = await callRoute(statusRoute.POST, { method: 'POST', token, params: { asn: '64501' }, body: { action: 'mark_existing' } });
    expect(missing).toMatchObject({ status: 400, json: { error: { fields: { ixId: expect.any(String) } } } });
    // exchangeId is still accepted on input, as another name for ixId
    expect(await callRoute(notesRoute.POST, { method: 'POST', token, params: { asn: '64501' }, body: { comment: 'Call Tuesday', exchangeId: FRA } })).toMatchObject({
      status: 201,
      json: { comment: 'Call Tuesday', ixId: FRA },
    });

    const list = await callRoute(peersRoute.GET, { token, path: '/peers?status=existing' });
    expect(list).toMatchObject({ status: 200, json: { data: [{ asn: 64501, statuses: [{ ixId: AMS, status: 'existing' }], notes: 2 }], next: null } });
    for (const filter of [`ixId=${FRA}`, `exchangeId=${FRA}`]) {
      expect(await callRoute(peersRoute.GET, { token, path: `/peers?status=existing&${filter}` })).toMatchObject({ status: 200, json: { data: [] } });
    }
    expect(await callRoute(peersRoute.GET, { token, path: '/peers?status=bogus' })).toMatchObject({ status: 400 });

    const one = await callRoute(peerRoute.GET, { token, params: { asn: '64501' } });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ asn: 64501, name: 'Alpha Transit', statuses: [{ ixId: AMS, status: 'existing' }, { ixId: FRA, status: 'new' }] });
    expect((one.json.notes as { comment: string }[]).map((n) => n.comment)).toEqual(['Call Tuesday', 'Peering since 2019']);
    expect(one.json).not.toHaveProperty('emails');
    expect(await callRoute(peerRoute.GET, { token, params: { asn: '65999' } })).toMatchObject({ status: 404 });
    expect(await callRoute(peerRoute.GET, { token, params: { asn: 'x' } })).toMatchObject({ status: 400 });
  });

  it('shows the emails tied to the peer to Global Admins only', async () => {
    await db().insert(emails).values({ mailbox: 'inbox', subject: 'Peering with AS64501', peerAsn: 64501, fromAddress: 'peering@alpha.example', association: 'address' });
    const admin = await callRoute(peerRoute.GET, { token: await tokenFor(await makeUser('global_admin')), params: { asn: '64501' } });
    expect(admin.json.emails).toMatchObject([{ subject: 'Peering with AS64501', mailbox: 'inbox' }]);
    const plain = await callRoute(peerRoute.GET, { token: await tokenFor(await makeUser('admin')), params: { asn: '64501' } });
    expect(plain.json).not.toHaveProperty('emails');
  });

  it('a viewer may read but not change', async () => {
    const token = await tokenFor(await makeUser('viewer'));
    expect(await callRoute(peersRoute.GET, { token, path: '/peers' })).toMatchObject({ status: 200 });
    expect(await callRoute(statusRoute.POST, { method: 'POST', token, params: { asn: '64501' }, body: { exchangeId: AMS, action: 'mark_existing' } })).toMatchObject({
      status: 403,
    });
    expect(await callRoute(notesRoute.POST, { method: 'POST', token, params: { asn: '64501' }, body: { comment: 'x' } })).toMatchObject({ status: 403 });
  });
});
