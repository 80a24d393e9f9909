import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as exchangesRoute from '@/app/api/v1/exchanges/route';
import * as exchangeRoute from '@/app/api/v1/exchanges/[id]/route';
import * as networksRoute from '@/app/api/v1/exchanges/[id]/networks/route';
import { db } from '@/db/client';
import { listExchangeNetworks, listExchangeSessions, listExchanges, listSourceNetworks } from '@/db/queries/exchanges';
import {
  bgpSessions,
  localAsns,
  pdbExchanges,
  pdbIxlans,
  pdbIxPrefixes,
  pdbNetIxlans,
  pdbNetworks,
  peerNotes,
  peerStatuses,
  routers,
  type PeerStatus,
} from '@/db/schema';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const US = 64500;
const AMS = 26;
const FRA = 31;
const LON = 42;

const nets: [id: number, asn: number, name: string, policy: string][] = [
  [1000, US, 'Example Networks', 'Selective'],
  [1001, 64501, 'Alpha Transit', 'Open'],
  [1002, 64502, 'Bravo Cloud', 'Open'],
  [1003, 64503, 'Charlie Hosting', 'Restrictive'],
  [1004, 64504, 'Delta Telecom', 'Selective'],
  [1005, 64505, 'Echo Content', 'Open'],
  [1006, 64506, 'Foxtrot ISP', 'Open'],
  [1007, 64507, 'Golf Broadband', 'No'],
  [1008, 64508, 'Hotel DNS', 'Open'],
  [1009, 64509, 'India Mobile', 'Selective'],
  [1010, 64510, 'Juliet Research', 'Open'],
];

/** One row per connection: [ix, asn, IPv4 host part]. */
const connections: [ix: number, asn: number, host: number][] = [
  [AMS, US, 1],
  [FRA, US, 1],
  ...[64501, 64502, 64503, 64504, 64505, 64506, 64507].map((asn, i): [number, number, number] => [AMS, asn, 10 + i]),
  [AMS, 64501, 30],
  ...[64501, 64502, 64508, 64509].map((asn, i): [number, number, number] => [FRA, asn, 10 + i]),
  [LON, 64503, 10],
  [LON, 64510, 11],
];

const lans: Record<number, { v4: string; v6: string }> = { [AMS]: { v4: '192.0.2', v6: '2001:db8:a' }, [FRA]: { v4: '198.51.100', v6: '2001:db8:f' }, [LON]: { v4: '203.0.113', v6: '2001:db8:1' } };

async function loadPeeringDb() {
  await db().insert(pdbExchanges).values([
    { id: AMS, name: 'AMS-EX', nameLong: 'Amsterdam Example Exchange', city: 'Amsterdam', country: 'NL' },
    { id: FRA, name: 'FRA-EX', nameLong: 'Frankfurt Example Exchange', city: 'Frankfurt', country: 'DE' },
    { id: LON, name: 'LON-EX', nameLong: 'London Example Exchange', city: 'London', country: 'GB' },
  ]);
  await db().insert(pdbIxlans).values([AMS, FRA, LON].map((ix) => ({ id: ix + 100, ixId: ix })));
  await db().insert(pdbIxPrefixes).values([
    ...[AMS, FRA, LON].flatMap((ix, i) => [
      { id: 10 * i + 1, ixlanId: ix + 100, protocol: 'IPv4', prefix: `${lans[ix].v4}.0/24` },
      { id: 10 * i + 2, ixlanId: ix + 100, protocol: 'IPv6', prefix: `${lans[ix].v6}::/64` },
    ]),
    // Real PeeringDB data has prefixes pointing at an ixlan that does not exist.
    { id: 99, ixlanId: 9999, protocol: 'IPv4', prefix: '10.99.0.0/24' },
  ]);
  await db().insert(pdbNetworks).values(nets.map(([id, asn, name, policy]) => ({ id, asn, name, policyGeneral: policy })));
  const netId = (asn: number) => nets.find((n) => n[1] === asn)![0];
  await db()
    .insert(pdbNetIxlans)
    .values(
      connections.map(([ix, asn, host], i) => ({
        id: 5000 + i,
        netId: netId(asn),
        ixId: ix,
        ixlanId: ix + 100,
        asn,
        ipaddr4: `${lans[ix].v4}.${host}`,
        ipaddr6: `${lans[ix].v6}::${host}`,
        speed: 10_000,
        isRsPeer: asn % 2 === 1,
      })),
    );
  // Left AMS-EX: PeeringDB keeps the row as deleted, and it must not count.
  await db().insert(pdbNetIxlans).values({ id: 5999, netId: 1008, ixId: AMS, ixlanId: AMS + 100, asn: 64508, ipaddr4: '192.0.2.99', status: 'deleted' });
}

async function setStatus(ixId: number, peerAsn: number, status: PeerStatus, localAsn = US) {
  await db()
    .insert(peerStatuses)
    .values({ localAsn, ixId, peerAsn, status })
    .onConflictDoUpdate({ target: [peerStatuses.localAsn, peerStatuses.ixId, peerStatuses.peerAsn], set: { status } });
}

beforeEach(async () => {
  await loadPeeringDb();
  await db().insert(localAsns).values({ asn: US });
  await setStatus(AMS, 64501, 'existing');
  await setStatus(AMS, 64502, 'approved');
  await setStatus(AMS, 64503, 'not_qualified');
  await setStatus(AMS, 64504, 'rejected');
  await setStatus(AMS, 64505, 'request_sent');
  await setStatus(AMS, 64506, 'request_received');
  await setStatus(FRA, 64501, 'approved');
  const [router] = await db().insert(routers).values({ name: 'ams-rtr1', hostname: 'ams-rtr1.example.net', platform: 'frr', localAsn: US }).returning();
  await db().insert(bgpSessions).values([
    { routerId: router.id, ixId: AMS, localAsn: US, peerAsn: 64501, peerIp: '192.0.2.10', localIp: '192.0.2.1' },
    { routerId: router.id, ixId: AMS, localAsn: US, peerAsn: 64502, peerIp: '192.0.2.11', removedAt: new Date() },
  ]);
  await db().insert(peerNotes).values([
    { peerAsn: 64505, localAsn: US, ixId: AMS, kind: 'comment', comment: 'Asked at the RIPE meeting', at: new Date('2026-01-01T10:00:00Z') },
    { peerAsn: 64505, localAsn: US, ixId: AMS, kind: 'status', fromStatus: 'new', toStatus: 'request_sent', at: new Date('2026-01-02T10:00:00Z') },
    { peerAsn: 64505, localAsn: US, ixId: AMS, kind: 'comment', comment: 'They will answer next week', at: new Date('2026-01-03T10:00:00Z') },
  ]);
});

const page = { limit: 50, offset: 0 };
const exchangeNamed = async (name: string) => (await listExchanges(db(), page)).find((x) => x.name === name)!;

describe('the exchange list', () => {
  it('lists the exchanges where our ASN is present, by name, with prefixes and the coordinator counts', async () => {
    const rows = await listExchanges(db(), page);
    expect(rows.map((r) => r.name)).toEqual(['AMS-EX', 'FRA-EX']);
    expect(rows[0]).toEqual({
      id: AMS,
      name: 'AMS-EX',
      nameLong: 'Amsterdam Example Exchange',
      city: 'Amsterdam',
      country: 'NL',
      prefixes4: ['192.0.2.0/24'],
      prefixes6: ['2001:db8:a::/64'],
      currentPeers: 2,
      unapprovedPeers: 3,
      sessions: 1,
    });
    expect(rows[1]).toMatchObject({ currentPeers: 1, unapprovedPeers: 3, sessions: 0 });
  });

  it('marking a peer approved counts it as a current peer instead of an unapproved one', async () => {
    await setStatus(AMS, 64505, 'approved');
    expect(await exchangeNamed('AMS-EX')).toMatchObject({ currentPeers: 3, unapprovedPeers: 2 });
  });

  it('a peer marked not qualified (or rejected) leaves both counts', async () => {
    await setStatus(AMS, 64507, 'not_qualified');
    expect(await exchangeNamed('AMS-EX')).toMatchObject({ currentPeers: 2, unapprovedPeers: 2 });
    await setStatus(AMS, 64506, 'rejected');
    expect(await exchangeNamed('AMS-EX')).toMatchObject({ currentPeers: 2, unapprovedPeers: 1 });
  });

  it('resetting a peer to new counts it as unapproved again', async () => {
    await db().delete(peerStatuses).where(and(eq(peerStatuses.ixId, AMS), eq(peerStatuses.peerAsn, 64502)));
    expect(await exchangeNamed('AMS-EX')).toMatchObject({ currentPeers: 1, unapprovedPeers: 4 });
  });

  it('a status kept for an ASN that is no longer ours does not count', async () => {
    await setStatus(AMS, 64507, 'approved', 64999);
    expect(await exchangeNamed('AMS-EX')).toMatchObject({ currentPeers: 2, unapprovedPeers: 3 });
  });

  it('filters by name, city or country and pages with limit + 1', async () => {
    expect((await listExchanges(db(), { ...page, q: 'frankfurt' })).map((r) => r.id)).toEqual([FRA]);
    expect((await listExchanges(db(), { ...page, q: 'nl' })).map((r) => r.id)).toEqual([AMS]);
    expect(await listExchanges(db(), { ...page, q: 'london' })).toEqual([]);
    expect((await listExchanges(db(), { limit: 2, offset: 1 })).map((r) => r.id)).toEqual([FRA]);
  });

  it('is empty until a local ASN is set', async () => {
    await db().delete(localAsns);
    expect(await listExchanges(db(), page)).toEqual([]);
  });

  it('shows each local ASN with its PeeringDB name and exchanges, or none when PeeringDB does not know it', async () => {
    await db().insert(localAsns).values({ asn: 65551 });
    expect(await listSourceNetworks(db())).toEqual([
      { asn: US, name: 'Example Networks', exchanges: [{ id: AMS, name: 'AMS-EX' }, { id: FRA, name: 'FRA-EX' }] },
      { asn: 65551, name: null, exchanges: [] },
    ]);
  });
});

describe('the networks at an exchange', () => {
  it('lists every other network, one row per connection, with status, policy, sessions and the last note', async () => {
    const rows = await listExchangeNetworks(db(), AMS, page);
    expect(rows.map((r) => r.asn)).toEqual([64501, 64501, 64502, 64503, 64504, 64505, 64506, 64507]);
    expect(rows[0]).toEqual({
      asn: 64501,
      name: 'Alpha Transit',
      ipaddr4: '192.0.2.10',
      ipaddr6: '2001:db8:a::10',
      policy: 'Open',
      isRsPeer: true,
      status: 'existing',
      sessions: 1,
      lastNote: null,
    });
    expect(rows.find((r) => r.asn === 64505)).toMatchObject({ status: 'request_sent', lastNote: 'They will answer next week' });
    expect(rows.find((r) => r.asn === 64507)).toMatchObject({ status: 'new', sessions: 0 });
    expect(rows.find((r) => r.asn === 64502)).toMatchObject({ status: 'approved', sessions: 0 });
  });

  it('filters by ASN (64505 or AS64505), by name, by status and by policy', async () => {
    const asns = async (params: Parameters<typeof listExchangeNetworks>[2]) =>
      (await listExchangeNetworks(db(), AMS, params)).map((r) => r.asn);
    expect(await asns({ ...page, q: 'AS64505' })).toEqual([64505]);
    expect(await asns({ ...page, q: '64505' })).toEqual([64505]);
    expect(await asns({ ...page, q: '6450' })).toEqual([]);
    expect(await asns({ ...page, q: 'cloud' })).toEqual([64502]);
    expect(await asns({ ...page, status: 'new' })).toEqual([64507]);
    expect(await asns({ ...page, policy: 'Open' })).toEqual([64501, 64501, 64502, 64505, 64506]);
    expect(await asns({ ...page, status: 'approved', policy: 'Restrictive' })).toEqual([]);
  });

  it('with several local ASNs, shows the status of the lowest one', async () => {
    await db().insert(localAsns).values({ asn: 64511 });
    await setStatus(AMS, 64507, 'rejected', 64511);
    await setStatus(AMS, 64506, 'approved', 64511);
    const rows = await listExchangeNetworks(db(), AMS, page);
    expect(rows.find((r) => r.asn === 64507)).toMatchObject({ status: 'new' });
    expect(rows.find((r) => r.asn === 64506)).toMatchObject({ status: 'request_received' });
    expect(await exchangeNamed('AMS-EX')).toMatchObject({ currentPeers: 3, unapprovedPeers: 1 });
  });
});

describe('the sessions at an exchange', () => {
  it('lists the live sessions with their router and the peer name from PeeringDB; removed ones are left out', async () => {
    expect(await listExchangeSessions(db(), AMS, page)).toEqual([
      expect.objectContaining({ routerName: 'ams-rtr1', peerAsn: 64501, peerName: 'Alpha Transit', peerIp: '192.0.2.10', localIp: '192.0.2.1', configStatus: 'not_configured' }),
    ]);
    expect(await listExchangeSessions(db(), FRA, page)).toEqual([]);
  });
});

describe('/api/v1/exchanges', () => {
  it('a viewer lists exchanges a page at a time', async () => {
    const token = await tokenFor(await makeUser('viewer'));
    const first = await callRoute(exchangesRoute.GET, { path: '/exchanges?limit=1', token });
    expect(first).toMatchObject({ status: 200, json: { data: [{ id: AMS, name: 'AMS-EX', currentPeers: 2, unapprovedPeers: 3, sessions: 1 }], next: '1' } });
    const rest = await callRoute(exchangesRoute.GET, { path: '/exchanges?limit=1&cursor=1', token });
    expect(rest.json).toMatchObject({ data: [{ id: FRA, city: 'Frankfurt', country: 'DE', prefixes4: ['198.51.100.0/24'] }], next: null });
  });

  it('GET /exchanges/{id} shows our connections; an unknown exchange is 404', async () => {
    const token = await tokenFor(await makeUser('viewer'));
    const ams = await callRoute(exchangeRoute.GET, { path: `/exchanges/${AMS}`, token, params: { id: String(AMS) } });
    expect(ams).toMatchObject({
      status: 200,
      json: { id: AMS, name: 'AMS-EX', connections: [{ localAsn: US, ipaddr4: '192.0.2.1', ipaddr6: '2001:db8:a::1', speed: 10_000, isRsPeer: false }] },
    });
    for (const id of ['999', 'ams', '-1']) {
      expect(await callRoute(exchangeRoute.GET, { path: `/exchanges/${id}`, token, params: { id } })).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
    }
  });

  it('GET /exchanges/{id}/networks filters and pages; a bad status is a 400 naming the field', async () => {
    const token = await tokenFor(await makeUser('operator'));
    const call = (query: string, id = String(AMS)) => callRoute(networksRoute.GET, { path: `/exchanges/${id}/networks${query}`, token, params: { id } });
    const first = await call('?limit=3');
    expect(first).toMatchObject({ status: 200, json: { next: '3' } });
    expect(first.json.data).toHaveLength(3);
    expect((await call('?limit=3&cursor=6')).json).toMatchObject({ data: [{ asn: 64506 }, { asn: 64507 }], next: null });
    expect((await call('?q=foxtrot&status=request_received')).json).toMatchObject({ data: [{ asn: 64506, name: 'Foxtrot ISP', policy: 'Open', isRsPeer: false }] });
    expect(await call('?status=friends')).toMatchObject({ status: 400, json: { error: { code: 'validation', fields: { status: expect.stringContaining('request_sent') } } } });
    expect(await call('', '999')).toMatchObject({ status: 404 });
  });
});
