import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as sessionsRoute from '@/app/api/v1/sessions/route';
import * as sessionRoute from '@/app/api/v1/sessions/[id]/route';
import { db } from '@/db/client';
import { listPeers } from '@/db/queries/peers';
import { getSession, listSessionPushes, listSessions, peerCandidates } from '@/db/queries/sessions';
import { bgpSessions, configPushes, localAsns, pdbExchanges, pdbIxlans, pdbIxPrefixes, pdbNetIxlans, pdbNetworks, peerGroups, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { decryptSecret } from '@/lib/crypto/secrets';
import { createSession, deleteSession, updateSession } from '@/lib/sessions/service';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const US = 65001;
const LAB = 12;
const OTHER = 31;
const MD5 = 'Sup3r-Secret-Key';

type Ids = { r1: number; r2: number; labV4: number; labV6: number; otherV4: number; r2LabV4: number; privateV4: number };
let ids: Ids;
let operator: Actor;

async function loadPeeringDb() {
  await db().insert(pdbExchanges).values([
    { id: LAB, name: 'LAB-IX', city: 'Amsterdam', country: 'NL' },
    { id: OTHER, name: 'OTHER-IX', city: 'Frankfurt', country: 'DE' },
  ]);
  await db().insert(pdbIxlans).values([
    { id: LAB + 100, ixId: LAB },
    { id: OTHER + 100, ixId: OTHER },
  ]);
  await db().insert(pdbIxPrefixes).values([
    { id: 1, ixlanId: LAB + 100, protocol: 'IPv6', prefix: '2001:db8:12::/64' },
    { id: 2, ixlanId: LAB + 100, protocol: 'IPv4', prefix: '10.0.12.0/22' },
    { id: 3, ixlanId: OTHER + 100, protocol: 'IPv4', prefix: '192.0.2.0/24' },
  ]);
  await db().insert(pdbNetworks).values([
    { id: 1001, asn: US, name: 'Peerdesk Lab Net', infoPrefixes4: 10, infoPrefixes6: 2 },
    { id: 1002, asn: 65002, name: 'Lab Peer Net', infoPrefixes4: 100, infoPrefixes6: 10 },
    { id: 1003, asn: 65003, name: 'Gamma Hosting', infoPrefixes4: 7 },
  ]);
  await db().insert(pdbNetIxlans).values([
    { id: 1, netId: 1001, ixId: LAB, ixlanId: LAB + 100, asn: US, ipaddr4: '10.0.12.1', ipaddr6: '2001:db8:12::1' },
    { id: 2, netId: 1002, ixId: LAB, ixlanId: LAB + 100, asn: 65002, ipaddr4: '10.0.12.2', ipaddr6: '2001:db8:12::2' },
    { id: 3, netId: 1003, ixId: LAB, ixlanId: LAB + 100, asn: 65003, ipaddr4: '10.0.12.3' },
    { id: 4, netId: 1001, ixId: OTHER, ixlanId: OTHER + 100, asn: US, ipaddr4: '192.0.2.1' },
    { id: 5, netId: 1002, ixId: OTHER, ixlanId: OTHER + 100, asn: 65002, ipaddr4: '192.0.2.2' },
  ]);
}

beforeEach(async () => {
  await loadPeeringDb();
  await db().insert(localAsns).values({ asn: US });
  const [r1, r2] = await db()
    .insert(routers)
    .values([
      { name: 'r1', hostname: 'r1.example.net', platform: 'frr', localAsn: US },
      { name: 'r2', hostname: 'r2.example.net', platform: 'bird', localAsn: 64999 },
    ])
    .returning();
  const group = (routerId: number, ixId: number | null, name: string, family: number) =>
    db().insert(peerGroups).values({ routerId, ixId, name, family }).returning().then(([g]) => g.id);
  ids = {
    r1: r1.id,
    r2: r2.id,
    labV4: await group(r1.id, LAB, 'LAB-V4', 4),
    labV6: await group(r1.id, LAB, 'LAB-V6', 6),
    otherV4: await group(r1.id, OTHER, 'OTHER-V4', 4),
    r2LabV4: await group(r2.id, LAB, 'LAB-V4', 4),
    privateV4: await group(r1.id, null, 'PRIVATE', 4),
  };
  operator = await makeUser('operator');
});

const labSession = (extra: Record<string, unknown> = {}) => ({ routerId: ids.r1, ixId: LAB, peerGroupId: ids.labV4, peerAsn: 65002, peerIp: '10.0.12.2', ...extra });

async function created(input: Record<string, unknown>, actor = operator) {
  const result = await createSession(actor, input);
  if (!result.ok) throw new Error(`${result.error.message} ${JSON.stringify(result.error.fields)}`);
  return result.data;
}

const today = () => new Date().toISOString().slice(0, 10);

describe('adding a session', () => {
  it('is Not Configured, with the local ASN of the router and the name and max prefixes from PeeringDB', async () => {
    const v4 = await created(labSession());
    expect(v4).toMatchObject({
      routerName: 'r1',
      exchangeName: 'LAB-IX',
      peerGroupName: 'LAB-V4',
      localAsn: US,
      peerAsn: 65002,
      peerName: 'Lab Peer Net',
      peerIp: '10.0.12.2',
      family: 4,
      type: 'peer',
      maxPrefixes: 100,
      hasMd5: false,
      configStatus: 'not_configured',
      bgpState: null,
    });
    const v6 = await created(labSession({ peerGroupId: ids.labV6, peerIp: '2001:DB8:12::2' }));
    expect(v6).toMatchObject({ peerIp: '2001:db8:12::2', family: 6, maxPrefixes: 10 });
  });

  it('keeps what the user typed over the defaults', async () => {
    const session = await created(labSession({ localAsn: 65010, peerName: 'Our friends', maxPrefixes: 250, type: 'route_server', description: 'RS1' }));
    expect(session).toMatchObject({ localAsn: 65010, peerName: 'Our friends', maxPrefixes: 250, type: 'route_server', description: 'RS1' });
  });

  it('refuses an address outside the exchange peering LANs, naming them', async () => {
    const result = await createSession(operator, labSession({ peerIp: '10.9.9.9', peerAsn: 65009 }));
    const message = "10.9.9.9 is not in LAB-IX's peering LANs (10.0.12.0/22, 2001:db8:12::/64)";
    expect(result).toEqual({ ok: false, error: { code: 'validation', message, fields: { peerIp: message } } });
  });

  it('refuses an address of the other family than the peer group, and one that is not an address', async () => {
    expect(await createSession(operator, labSession({ peerIp: '2001:db8:12::2' }))).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { peerIp: '2001:db8:12::2 is an IPv6 address, but peer group LAB-V4 is IPv4' } },
    });
    for (const peerIp of ['10.0.12', '10.0.12.2/32', '2001:db8::12::2', 'router']) {
      expect(await createSession(operator, labSession({ peerIp }))).toMatchObject({ ok: false, error: { fields: { peerIp: expect.stringContaining('IPv4 or IPv6 address') } } });
    }
  });

  it('refuses a peer ASN out of range or AS_TRANS', async () => {
    for (const peerAsn of [0, 4_294_967_296, 'AS65002', 1.5]) {
      expect(await createSession(operator, labSession({ peerAsn }))).toMatchObject({ ok: false, error: { fields: { peerAsn: 'Use a number from 1 to 4294967295' } } });
    }
    expect(await createSession(operator, labSession({ peerAsn: 23456 }))).toMatchObject({ ok: false, error: { fields: { peerAsn: expect.stringContaining('AS_TRANS') } } });
    expect(await createSession(operator, labSession({ peerAsn: '4294967295', peerIp: '10.0.12.50' }))).toMatchObject({ ok: true });
  });

  it('refuses a second session with the same address on one router, but not on another or once the first is removed', async () => {
    await created(labSession());
    const message = 'Router r1 already has a session with 10.0.12.2';
    expect(await createSession(operator, labSession())).toEqual({ ok: false, error: { code: 'conflict', message, fields: { peerIp: message } } });
    expect(await createSession(operator, labSession({ routerId: ids.r2, peerGroupId: ids.r2LabV4 }))).toMatchObject({ ok: true });
    await db().update(bgpSessions).set({ removedAt: new Date(), configStatus: 'removed' }).where(eq(bgpSessions.routerId, ids.r1));
    expect(await createSession(operator, labSession())).toMatchObject({ ok: true });
  });

  it('takes a peer group of the chosen router facing the chosen exchange only', async () => {
    expect(await createSession(operator, labSession({ peerGroupId: ids.r2LabV4 }))).toMatchObject({
      ok: false,
      error: { fields: { peerGroupId: 'Peer group LAB-V4 is not on router r1' } },
    });
    expect(await createSession(operator, labSession({ peerGroupId: ids.otherV4 }))).toMatchObject({
      ok: false,
      error: { fields: { peerGroupId: 'Peer group OTHER-V4 does not face LAB-IX' } },
    });
    expect(await createSession(operator, labSession({ peerGroupId: 9999 }))).toMatchObject({ ok: false, error: { fields: { peerGroupId: 'There is no such peer group' } } });
    expect(await createSession(operator, labSession({ routerId: 9999 }))).toMatchObject({ ok: false, error: { fields: { routerId: 'There is no such router' } } });
    expect(await createSession(operator, labSession({ ixId: 9999 }))).toMatchObject({ ok: false, error: { fields: { ixId: expect.stringContaining('no such exchange') } } });
  });

  it('a private session (No Exchange) needs no exchange match and no peering LAN', async () => {
    const session = await created({ routerId: ids.r1, ixId: null, peerGroupId: ids.otherV4, peerAsn: 65003, peerIp: '172.16.0.1', type: 'private' });
    expect(session).toMatchObject({ ixId: null, exchangeName: null, peerGroupName: 'OTHER-V4', peerName: 'Gamma Hosting', maxPrefixes: 7, type: 'private' });
    expect(await created({ routerId: ids.r1, ixId: null, peerAsn: 65004, peerIp: '172.16.0.5' })).toMatchObject({ peerGroupId: null, peerName: null, maxPrefixes: null });
    expect(await createSession(operator, { routerId: ids.r1, peerAsn: 65004, peerIp: '172.16.0.6' })).toMatchObject({ ok: false, error: { fields: { ixId: expect.stringContaining('No Exchange') } } });
  });
});

describe('an address that differs from PeeringDB', () => {
  const warning = 'Address 10.0.12.9 differs from PeeringDB (10.0.12.2)';

  it('is a warning next to the address, with a flag for the "Add anyway" checkbox', async () => {
    const result = await createSession(operator, labSession({ peerIp: '10.0.12.9' }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'validation', message: warning, fields: { peerIp: warning, acknowledgeAddressMismatch: expect.stringContaining('Add anyway') } },
    });
    expect(await db().select().from(bgpSessions)).toEqual([]);
  });

  it('is accepted when acknowledged, and the notes say who kept it and when', async () => {
    const session = await created(labSession({ peerIp: '10.0.12.9', notes: 'Second port', acknowledgeAddressMismatch: true }));
    expect(session.notes).toBe(`Second port\n${warning}; kept on purpose by operator@example.test on ${today()}`);
  });

  it('is not raised for a peer PeeringDB does not list there, nor in a family PeeringDB lists no address for', async () => {
    expect(await created(labSession({ peerAsn: 65077, peerIp: '10.0.12.77' }))).toMatchObject({ notes: null });
    expect(await created(labSession({ peerAsn: 65003, peerGroupId: ids.labV6, peerIp: '2001:db8:12::3' }))).toMatchObject({ notes: null });
  });

  it('is asked again only when the address or the peer changes', async () => {
    const session = await created(labSession({ peerIp: '10.0.12.9', acknowledgeAddressMismatch: true }));
    expect(await updateSession(operator, { id: session.id, notes: 'Rewritten', peerIp: '10.0.12.9', type: 'peer' })).toMatchObject({ ok: true, data: { notes: 'Rewritten' } });
    expect(await updateSession(operator, { id: session.id, peerIp: '10.0.12.10' })).toMatchObject({
      ok: false,
      error: { fields: { peerIp: 'Address 10.0.12.10 differs from PeeringDB (10.0.12.2)' } },
    });
    expect(await updateSession(operator, { id: session.id, peerIp: '10.0.12.2' })).toMatchObject({ ok: true, data: { peerIp: '10.0.12.2', notes: 'Rewritten' } });
  });
});

describe('the MD5 key', () => {
  it('is stored encrypted and never shown: only hasMd5', async () => {
    const session = await created(labSession({ md5: MD5 }));
    expect(session.hasMd5).toBe(true);
    const [row] = await db().select().from(bgpSessions);
    expect(row.md5Enc).not.toContain(MD5);
    expect(decryptSecret(row.md5Enc!)).toBe(MD5);
    for (const output of [session, await getSession(db(), session.id), await listSessions(db(), { limit: 10, offset: 0 })]) {
      expect(JSON.stringify(output)).not.toMatch(new RegExp(`${MD5}|md5Enc|${row.md5Enc}`));
    }
  });

  it('is kept when the edit leaves it empty, replaced when given, removed with null', async () => {
    const session = await created(labSession({ md5: MD5 }));
    const stored = async () => (await db().select().from(bgpSessions))[0].md5Enc;
    const first = await stored();
    expect(await updateSession(operator, { id: session.id, md5: '', maxPrefixes: 300 })).toMatchObject({ ok: true, data: { hasMd5: true, maxPrefixes: 300 } });
    expect(await stored()).toBe(first);
    await updateSession(operator, { id: session.id, md5: 'Another-Key' });
    expect(decryptSecret((await stored())!)).toBe('Another-Key');
    expect(await updateSession(operator, { id: session.id, md5: null })).toMatchObject({ ok: true, data: { hasMd5: false } });
  });

  it('never appears in an API answer', async () => {
    const token = await tokenFor(operator);
    const post = await callRoute(sessionsRoute.POST, { method: 'POST', token, body: labSession({ md5: MD5 }) });
    expect(post).toMatchObject({ status: 201, json: { hasMd5: true, configStatus: 'not_configured', bgpState: null } });
    const id = String(post.json.id);
    const answers = [
      post,
      await callRoute(sessionsRoute.GET, { path: '/sessions', token }),
      await callRoute(sessionRoute.GET, { path: `/sessions/${id}`, token, params: { id } }),
      await callRoute(sessionRoute.PATCH, { method: 'PATCH', token, params: { id }, body: { md5: 'Another-Key', notes: 'x' } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200 + (answer === post ? 1 : 0));
      expect(JSON.stringify(answer.json)).not.toMatch(/Sup3r-Secret-Key|Another-Key|md5Enc|v1\./);
    }
  });
});

describe('changing and deleting a session', () => {
  it('edits the peer group, type and notes; the router and exchange stay', async () => {
    const session = await created(labSession());
    const result = await updateSession(operator, { id: session.id, type: 'route_server', notes: 'RS', peerGroupId: null, routerId: ids.r2, ixId: OTHER });
    expect(result).toMatchObject({ ok: true, data: { type: 'route_server', notes: 'RS', peerGroupId: null, routerId: ids.r1, ixId: LAB } });
    expect(await updateSession(operator, { id: session.id, peerGroupId: ids.labV6 })).toMatchObject({ ok: false, error: { fields: { peerIp: expect.stringContaining('IPv6') } } });
    expect(await updateSession(operator, { id: 9999, notes: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('deletes the record of a session that is Not Configured', async () => {
    const session = await created(labSession());
    expect(await deleteSession(operator, { id: session.id })).toEqual({ ok: true, data: { id: session.id } });
    expect(await getSession(db(), session.id)).toBeUndefined();
    expect(await deleteSession(operator, { id: session.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses to delete a session a configuration job holds, or one already removed', async () => {
    const session = await created(labSession());
    for (const [configStatus, message] of [
      ['scheduled', 'A configuration job holds this session: wait for it to finish, or cancel it in the Scheduler, then delete'],
      ['configuring', 'A configuration job holds this session: wait for it to finish, or cancel it in the Scheduler, then delete'],
      ['removed', 'Already removed from the router: the record stays in the history'],
    ] as const) {
      await db().update(bgpSessions).set({ configStatus }).where(eq(bgpSessions.id, session.id));
      expect(await deleteSession(operator, { id: session.id })).toEqual({ ok: false, error: { code: 'conflict', message } });
    }
    expect(await getSession(db(), session.id)).toBeDefined();
  });

  it('deleting a Configured session first removes it from the router, through a job', async () => {
    const session = await created(labSession());
    await db().update(bgpSessions).set({ configStatus: 'configured' }).where(eq(bgpSessions.id, session.id));
    expect(await deleteSession(operator, { id: session.id })).toMatchObject({ ok: true, data: { id: session.id, removing: true, job: { status: 'scheduled' } } });
    expect(await getSession(db(), session.id)).toMatchObject({ configStatus: 'configuring', removedAt: null });
  });
});

describe('who may change sessions', () => {
  it('a viewer is refused by the service; an operator and an admin are not', async () => {
    const viewer = await makeUser('viewer');
    const session = await created(labSession());
    expect(await createSession(viewer, labSession({ peerIp: '10.0.12.20' }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await updateSession(viewer, { id: session.id, notes: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await deleteSession(viewer, { id: session.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await created(labSession({ routerId: ids.r2, peerGroupId: ids.r2LabV4 }), await makeUser('admin'))).toMatchObject({ routerName: 'r2' });
  });

  it('a viewer may read through the API but not write; an operator may', async () => {
    const session = await created(labSession());
    const id = String(session.id);
    const viewer = await tokenFor(await makeUser('viewer'));
    expect(await callRoute(sessionsRoute.GET, { path: '/sessions', token: viewer })).toMatchObject({ status: 200, json: { data: [{ id: session.id }] } });
    expect(await callRoute(sessionRoute.GET, { path: `/sessions/${id}`, token: viewer, params: { id } })).toMatchObject({ status: 200, json: { peerIp: '10.0.12.2' } });
    for (const call of [
      callRoute(sessionsRoute.POST, { method: 'POST', token: viewer, body: labSession({ peerIp: '10.0.12.30' }) }),
      callRoute(sessionRoute.PATCH, { method: 'PATCH', token: viewer, params: { id }, body: { notes: 'x' } }),
      callRoute(sessionRoute.DELETE, { method: 'DELETE', token: viewer, params: { id } }),
    ]) {
      expect(await call).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    }
    const token = await tokenFor(operator);
    expect(await callRoute(sessionRoute.PATCH, { method: 'PATCH', token, params: { id }, body: { notes: 'ok' } })).toMatchObject({ status: 200, json: { notes: 'ok' } });
    expect(await callRoute(sessionRoute.DELETE, { method: 'DELETE', token, params: { id } })).toMatchObject({ status: 200, json: { id: session.id } });
    expect(await callRoute(sessionRoute.GET, { path: `/sessions/${id}`, token, params: { id } })).toMatchObject({ status: 404 });
  });

  it('the API answers a rule broken with 400 or 409 and the field, and the mismatch with its flag', async () => {
    const token = await tokenFor(operator);
    const post = (body: unknown) => callRoute(sessionsRoute.POST, { method: 'POST', token, body });
    expect(await post(labSession({ peerIp: '10.9.9.9' }))).toMatchObject({ status: 400, json: { error: { fields: { peerIp: expect.stringContaining('peering LANs') } } } });
    expect(await post(labSession({ peerIp: '10.0.12.9' }))).toMatchObject({ status: 400, json: { error: { fields: { acknowledgeAddressMismatch: expect.any(String) } } } });
    expect(await post(labSession({ peerIp: '10.0.12.9', acknowledgeAddressMismatch: true }))).toMatchObject({ status: 201, json: { notes: expect.stringContaining('kept on purpose') } });
    expect(await post(labSession({ peerIp: '10.0.12.9', acknowledgeAddressMismatch: true }))).toMatchObject({ status: 409, json: { error: { code: 'conflict' } } });
  });
});

describe('the session list', () => {
  let all: Record<string, number>;
  beforeEach(async () => {
    const make = async (name: string, input: Record<string, unknown>) => [name, (await created(input)).id] as const;
    all = Object.fromEntries([
      await make('lab4', labSession()),
      await make('lab6', labSession({ peerGroupId: ids.labV6, peerIp: '2001:db8:12::2' })),
      await make('gamma', labSession({ peerAsn: 65003, peerIp: '10.0.12.3', type: 'route_server' })),
      await make('other', { routerId: ids.r1, ixId: OTHER, peerGroupId: ids.otherV4, peerAsn: 65002, peerIp: '192.0.2.2' }),
      await make('r2', labSession({ routerId: ids.r2, peerGroupId: ids.r2LabV4 })),
      await make('private', { routerId: ids.r1, ixId: null, peerAsn: 65003, peerIp: '172.16.0.1', type: 'private' }),
    ]);
    await db().update(bgpSessions).set({ configStatus: 'configured', bgpState: 'Established', prefixesReceived: 95 }).where(eq(bgpSessions.id, all.lab4));
  });

  const page = { limit: 50, offset: 0 };
  const names = async (filters: Parameters<typeof listSessions>[1]) => {
    const byId = Object.fromEntries(Object.entries(all).map(([k, v]) => [v, k]));
    return (await listSessions(db(), filters)).map((s) => byId[s.id]).sort();
  };

  it('filters by peer (ASN or name), exchange, router, local ASN, peer ASN, family, type, status and BGP state', async () => {
    expect(await names({ ...page, q: 'AS65003' })).toEqual(['gamma', 'private']);
    expect(await names({ ...page, q: 'lab peer' })).toEqual(['lab4', 'lab6', 'other', 'r2']);
    expect(await names({ ...page, ixId: OTHER })).toEqual(['other']);
    expect(await names({ ...page, ixId: 'none' })).toEqual(['private']);
    expect(await names({ ...page, routerId: ids.r2 })).toEqual(['r2']);
    expect(await names({ ...page, localAsn: 64999 })).toEqual(['r2']);
    expect(await names({ ...page, peerAsn: 65002, family: '6' })).toEqual(['lab6']);
    expect(await names({ ...page, type: 'route_server' })).toEqual(['gamma']);
    expect(await names({ ...page, configStatus: 'configured' })).toEqual(['lab4']);
    expect(await names({ ...page, bgpState: 'established' })).toEqual(['lab4']);
    expect(await names({ ...page, bgpState: 'none', ixId: LAB, family: '4' })).toEqual(['gamma', 'r2']);
  });

  it('leaves removed sessions out unless asked for them', async () => {
    await db().update(bgpSessions).set({ configStatus: 'removed', removedAt: new Date() }).where(eq(bgpSessions.id, all.other));
    expect(await names(page)).not.toContain('other');
    expect(await names({ ...page, configStatus: 'removed' })).toEqual(['other']);
  });

  it('pages by peer then address, and shows the columns of the subtab', async () => {
    const first = await listSessions(db(), { limit: 2, offset: 0 });
    expect(first.map((s) => s.peerIp)).toEqual(['10.0.12.2', '10.0.12.2']);
    expect(first[0]).toMatchObject({ routerName: 'r1', localAsn: US, peerAsn: 65002, peerName: 'Lab Peer Net', exchangeName: 'LAB-IX', peerGroupName: 'LAB-V4', type: 'peer', prefixesReceived: 95, maxPrefixes: 100, configStatus: 'configured', bgpState: 'Established', hasMd5: false });
    expect((await listSessions(db(), { limit: 2, offset: 4 })).map((s) => s.peerIp)).toEqual(['10.0.12.3', '172.16.0.1']);
  });

  it('GET /sessions takes the filters as query parameters and pages with next', async () => {
    const token = await tokenFor(await makeUser('viewer'));
    const get = (query: string) => callRoute(sessionsRoute.GET, { path: `/sessions${query}`, token });
    const first = await get('?peerAsn=65002&limit=3');
    expect(first).toMatchObject({ status: 200, json: { next: '3' } });
    expect((await get('?peerAsn=65002&limit=3&cursor=3')).json).toMatchObject({ data: [{ ixId: LAB }], next: null });
    expect((await get('?ixId=none')).json).toMatchObject({ data: [{ id: all.private, configStatus: 'not_configured' }] });
    expect((await get('?q=gamma&family=4&ixId=')).json.data).toHaveLength(2);
    expect(await get('?family=5')).toMatchObject({ status: 400, json: { error: { code: 'validation', fields: { family: '4 or 6' } } } });
  });

  it('lists each peer once with its exchanges, session count and configuration statuses', async () => {
    expect(await listPeers(db(), page)).toEqual([
      {
        asn: 65002,
        name: 'Lab Peer Net',
        exchanges: [{ id: LAB, name: 'LAB-IX' }, { id: OTHER, name: 'OTHER-IX' }],
        hasPrivate: false,
        sessions: 4,
        configStatuses: { configured: 1, not_configured: 3 },
      },
      { asn: 65003, name: 'Gamma Hosting', exchanges: [{ id: LAB, name: 'LAB-IX' }], hasPrivate: true, sessions: 2, configStatuses: { not_configured: 2 } },
    ]);
    expect((await listPeers(db(), { ...page, ixId: OTHER })).map((p) => [p.asn, p.exchanges.length])).toEqual([[65002, 2]]);
    expect((await listPeers(db(), { ...page, q: 'gamma' })).map((p) => p.asn)).toEqual([65003]);
    expect((await listPeers(db(), { ...page, q: '65002' })).map((p) => p.asn)).toEqual([65002]);
    expect((await listPeers(db(), { ...page, localAsn: 64999 })).map((p) => p.asn)).toEqual([65002]);
    expect((await listPeers(db(), { limit: 1, offset: 1 })).map((p) => p.asn)).toEqual([65003]);
  });
});

describe('the wizard lookups', () => {
  it('finds the networks at the exchange by ASN or name, with their addresses and prefix counts, never our own', async () => {
    expect(await peerCandidates(db(), LAB, '65002')).toEqual([
      { asn: 65002, name: 'Lab Peer Net', ipaddr4: '10.0.12.2', ipaddr6: '2001:db8:12::2', infoPrefixes4: 100, infoPrefixes6: 10 },
    ]);
    expect((await peerCandidates(db(), LAB, 'net')).map((c) => c.asn)).toEqual([65002]);
    expect((await peerCandidates(db(), OTHER, 'gamma')).map((c) => c.asn)).toEqual([]);
    expect(await peerCandidates(db(), null, 'AS65003')).toEqual([{ asn: 65003, name: 'Gamma Hosting', ipaddr4: null, ipaddr6: null, infoPrefixes4: 7, infoPrefixes6: null }]);
  });

  it('lists the configuration pushes that carried a session', async () => {
    const a = await created(labSession());
    const b = await created(labSession({ peerIp: '10.0.12.60', peerAsn: 65060 }));
    await db().insert(configPushes).values([
      { routerId: ids.r1, sessionIds: [a.id, b.id], status: 'succeeded', actorId: operator.id },
      { routerId: ids.r1, sessionIds: [b.id], status: 'failed', error: 'commit refused' },
    ]);
    expect(await listSessionPushes(db(), a.id)).toEqual([expect.objectContaining({ routerName: 'r1', status: 'succeeded', actor: 'operator@example.test' })]);
    expect((await listSessionPushes(db(), b.id)).map((p) => p.status).sort()).toEqual(['failed', 'succeeded']);
  });
});
