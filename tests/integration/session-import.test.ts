import { readFileSync } from 'node:fs';
import { asc, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as importRoute from '@/app/api/v1/sessions/import/route';
import { db } from '@/db/client';
import { auditLog, bgpSessions, localAsns, pdbExchanges, pdbIxlans, pdbIxPrefixes, pdbNetworks, peerGroups, routers } from '@/db/schema';
import { importSessions, runSessionImport } from '@/lib/import/apply';
import { planImport, type PlannedNeighbor } from '@/lib/import/plan';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

const { kind } = useTestDatabase();

const fixture = (name: string) => readFileSync(new URL(`../fixtures/router-configs/${name}`, import.meta.url), 'utf8');
const FRR = fixture('frr.conf');
const EDGES = fixture('frr-import-edges.conf');
const today = new Date().toISOString().slice(0, 10);
const EX = 26;

let routerId: number;

beforeEach(async () => {
  await db().insert(localAsns).values([{ asn: 64500 }, { asn: 64499 }]);
  await db().insert(pdbExchanges).values({ id: EX, name: 'EX-IX', nameLong: 'Example Exchange', city: 'Amsterdam', country: 'NL' });
  await db().insert(pdbIxlans).values({ id: 126, ixId: EX });
  await db().insert(pdbIxPrefixes).values([
    { id: 1, ixlanId: 126, protocol: 'IPv4', prefix: '192.0.2.0/24' },
    { id: 2, ixlanId: 126, protocol: 'IPv6', prefix: '2001:db8:7::/64' },
  ]);
  await db().insert(pdbNetworks).values([
    { id: 1, asn: 64500, name: 'Our Network' },
    { id: 2, asn: 6695, name: 'DE-CIX Route Servers', infoType: 'Route Server' },
    { id: 3, asn: 64501, name: 'Example Networks', infoPrefixes4: 50, infoPrefixes6: 10 },
    { id: 4, asn: 64502, name: 'Transit Ltd', infoPrefixes4: 0, infoPrefixes6: 0 },
    { id: 5, asn: 64510, name: 'Private Peer', infoPrefixes4: 75 },
  ]);
  [{ id: routerId }] = await db()
    .insert(routers)
    .values({ name: 'rs-edge1', hostname: 'rs-edge1.example.net', platform: 'frr', transport: 'ssh', localAsn: 64500 })
    .returning({ id: routers.id });
});

const importAs = async (config: string, dryRun = false) => {
  const result = await runSessionImport(await makeUser('admin', `admin-${Math.random()}@example.test`), { routerId, config, dryRun });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

const decisions = (report: { neighbors: PlannedNeighbor[] }) =>
  report.neighbors.map((n) => [n.line, n.peerIp, n.decision, n.reason ?? n.exchange?.name ?? 'No Exchange', n.peerGroup ? `${n.peerGroup.name}${n.peerGroup.isNew ? ' (new)' : ''}` : null]);

const sessionRows = () => db().select().from(bgpSessions).orderBy(asc(bgpSessions.id));

describe(`importing peering sessions (${kind})`, () => {
  it('a dry run says what would happen to each neighbor, and writes nothing', async () => {
    const plan = await importAs(FRR, true);

    expect(decisions(plan)).toEqual([
      [27, '192.0.2.253', 'new', 'EX-IX', 'RS (new)'],
      [29, '192.0.2.21', 'new', 'EX-IX', 'IXP4 (new)'],
      [32, '192.0.2.22', 'new', 'EX-IX', 'IXP4 (new)'],
      [35, '192.0.2.23', 'new', 'EX-IX', 'IXP4 (new)'],
      [39, '2001:db8:7::21', 'new', 'EX-IX', 'IXP6 (new)'],
      [43, '2001:db8:7::22', 'skipped', 'no remote AS', null],
      [44, '198.51.100.2', 'skipped', 'iBGP neighbor', null],
    ]);
    expect(plan.neighbors[0]).toMatchObject({ type: 'route_server', peeringDbName: 'DE-CIX Route Servers', maxPrefixes: 250000, maxPrefixesFrom: 'config' });
    expect(plan.neighbors[1]).toMatchObject({ type: 'peer', peeringDbName: 'Example Networks', maxPrefixes: 1000, hasMd5: true });
    expect(plan.neighbors[3]).toMatchObject({ peeringDbName: null, shutdown: true });
    expect(plan).toMatchObject({ dryRun: true, created: 5, alreadyPresent: 0 });
    expect(plan.peerGroupsCreated).toEqual([
      { name: 'RS', family: 4, exchange: { id: EX, name: 'EX-IX' } },
      { name: 'IXP4', family: 4, exchange: { id: EX, name: 'EX-IX' } },
      { name: 'IXP6', family: 6, exchange: { id: EX, name: 'EX-IX' } },
    ]);
    expect(plan.warnings.map((w) => w.message)).toContain('unnumbered neighbor on interface swp1 has no peer IP; skipped');
    expect(await sessionRows()).toEqual([]);
    expect(await db().select().from(peerGroups)).toEqual([]);
  });

  it('skips AS_TRANS, our other ASNs and duplicates, and puts a neighbor outside every peering LAN on No Exchange', async () => {
    const plan = await planImport(db(), { routerId, config: EDGES });

    expect(decisions(plan).map(([line, ip, decision, where]) => [line, ip, decision, where])).toEqual([
      [4, '203.0.113.9', 'new', 'No Exchange'],
      [6, '192.0.2.40', 'skipped', 'AS 23456 (AS_TRANS) is a placeholder, not the peer’s AS'],
      [7, '192.0.2.41', 'new', 'EX-IX'],
      [9, '198.51.100.9', 'skipped', 'iBGP neighbor'],
      [10, '2001:db8:7::30', 'new', 'EX-IX'],
      [11, '2001:db8:7::30', 'skipped', 'duplicate of the neighbor on line 10'],
      [15, '192.0.2.41', 'skipped', 'duplicate of the neighbor on line 7'],
    ]);
    // no limit in the config: PeeringDB's count, unless PeeringDB says 0 (not filled in)
    expect(plan.neighbors[0]).toMatchObject({ type: 'private', maxPrefixes: 75, maxPrefixesFrom: 'peeringdb' });
    expect(plan.neighbors[2]).toMatchObject({ maxPrefixes: 50, maxPrefixesFrom: 'peeringdb' });
    expect(plan.neighbors[4]).toMatchObject({ maxPrefixes: null, maxPrefixesFrom: null });

    const report = await importAs(EDGES);
    const [pni] = (await sessionRows()).filter((s) => s.peerIp === '203.0.113.9');
    expect(report.created).toBe(3);
    expect(pni).toMatchObject({ ixId: null, type: 'private', peerAsn: 64510, description: 'PNI AS64510', configStatus: 'configured' });
  });

  it('imports the new neighbors as Configured sessions and creates their peer groups, in one transaction', async () => {
    const report = await importAs(FRR);

    expect(report).toMatchObject({ dryRun: false, created: 5, alreadyPresent: 0 });
    expect(report.skipped).toEqual([
      { peerIp: '2001:db8:7::22', line: 43, reason: 'no remote AS' },
      { peerIp: '198.51.100.2', line: 44, reason: 'iBGP neighbor' },
    ]);
    const groups = await db().select().from(peerGroups).orderBy(asc(peerGroups.id));
    expect(groups.map((g) => [g.name, g.family, g.ixId, g.routerId])).toEqual([
      ['RS', 4, EX, routerId],
      ['IXP4', 4, EX, routerId],
      ['IXP6', 6, EX, routerId],
    ]);
    const groupId = (name: string) => groups.find((g) => g.name === name)!.id;
    const rows = await sessionRows();
    expect(rows.map((s) => [s.peerIp, s.peerAsn, s.ixId, s.peerGroupId, s.type, s.maxPrefixes, s.adminDown])).toEqual([
      ['192.0.2.253', 6695, EX, groupId('RS'), 'route_server', 250000, false],
      ['192.0.2.21', 64501, EX, groupId('IXP4'), 'peer', 1000, false],
      ['192.0.2.22', 64502, EX, groupId('IXP4'), 'peer', 20000, false],
      ['192.0.2.23', 65550, EX, groupId('IXP4'), 'peer', 1000, true],
      ['2001:db8:7::21', 64501, EX, groupId('IXP6'), 'peer', 500, false],
    ]);
    expect(rows.every((s) => s.configStatus === 'configured' && s.localAsn === 64500 && s.md5Enc === null)).toBe(true);
    expect(rows[1]).toMatchObject({
      description: 'AS64501 Example Networks',
      peerName: 'Example Networks',
      notes: `Imported from rs-edge1 on ${today}\nMD5 set on the router (key not imported)`,
    });
    expect(rows[3].notes).toBe(`Imported from rs-edge1 on ${today}\nShutdown on the router\nMD5 set on the router (key not imported)`);

    // now() is the transaction's start: one timestamp for every row means one transaction
    const stamps = await db().execute(sql`select distinct created_at from bgp_sessions union select distinct created_at from peer_groups`);
    expect((stamps as unknown as { rows: unknown[] }).rows).toHaveLength(1);
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'sessions.import'));
    expect(entry).toMatchObject({
      target: `router:${routerId}`,
      succeeded: true,
      details: { router: 'rs-edge1', created: 5, alreadyPresent: 0, skipped: 2, peerGroupsCreated: ['RS (IPv4)', 'IXP4 (IPv4)', 'IXP6 (IPv6)'] },
    });
  });

  it('importing the same configuration again creates nothing', async () => {
    await importAs(FRR);
    const again = await importAs(FRR);

    expect(again).toMatchObject({ created: 0, alreadyPresent: 5, peerGroupsCreated: [] });
    expect(again.skipped).toHaveLength(2);
    expect(again.neighbors.filter((n) => n.decision === 'present').every((n) => n.sessionId !== null)).toBe(true);
    expect(await sessionRows()).toHaveLength(5);
    expect(await db().select().from(peerGroups)).toHaveLength(3);
  });

  it('uses a peer group the router already has, and leaves out one that faces another exchange', async () => {
    await db().insert(pdbExchanges).values({ id: 27, name: 'OTHER-IX' });
    await db().insert(peerGroups).values([
      { routerId, ixId: EX, name: 'IXP4', family: 4 },
      { routerId, ixId: 27, name: 'IXP6', family: 6 },
    ]);
    const plan = await importAs(FRR, true);

    expect(decisions(plan).slice(1, 5).map((d) => d.slice(3))).toEqual([
      ['EX-IX', 'IXP4'],
      ['EX-IX', 'IXP4'],
      ['EX-IX', 'IXP4'],
      ['peer group IXP6 faces another exchange; imported without a peer group', null],
    ]);
    expect(plan.peerGroupsCreated.map((g) => g.name)).toEqual(['RS']);
  });

  it('text that is no configuration gives no neighbors and a warning, and writes nothing', async () => {
    const report = await importAs('hello\n\u0000\u0001 this is not a router config }}}{{{\n');

    expect(report).toMatchObject({ created: 0, alreadyPresent: 0, skipped: [], neighbors: [] });
    expect(report.warnings).toEqual([{ line: 1, message: 'no BGP neighbors found in this FRR configuration' }]);
    expect(await sessionRows()).toEqual([]);
    expect(await db().select().from(peerGroups)).toEqual([]);
  });

  it('plans and imports 5,000 neighbors, in well under the request time limit (a guard against quadratic work, not a benchmark)', async () => {
    const count = 5000;
    const ips = Array.from({ length: count }, (_, i) => (i % 2 ? `2001:db8:7::${(i + 0x100).toString(16)}` : `100.64.${i >> 8}.${i & 255}`));
    const text = [
      'router bgp 64500',
      ...Array.from({ length: 20 }, (_, g) => ` neighbor G${g} peer-group`),
      ...ips.flatMap((ip, i) => [` neighbor ${ip} remote-as ${65000 + (i % 500)}`, ` neighbor ${ip} peer-group G${Math.floor(i / 250)}`, ` neighbor ${ip} description peer ${i}`]),
      'exit',
    ].join('\n');
    await db().insert(pdbNetworks).values(Array.from({ length: 100 }, (_, i) => ({ id: 100 + i, asn: 65000 + i, name: `Net ${i}`, infoPrefixes4: 10, infoPrefixes6: 5 })));
    // as many peering LANs as PeeringDB has, so matching addresses to exchanges is measured at full size
    const others = Array.from({ length: 1000 }, (_, i) => 1000 + i);
    await db().insert(pdbExchanges).values(others.map((id) => ({ id, name: `IX ${id}` })));
    await db().insert(pdbIxlans).values(others.map((id) => ({ id, ixId: id })));
    await db().insert(pdbIxPrefixes).values(
      others.flatMap((id, i) => [
        { id: 10 * id, ixlanId: id, protocol: 'IPv4', prefix: `10.${i >> 6}.${(i & 63) * 4}.0/22` },
        { id: 10 * id + 1, ixlanId: id, protocol: 'IPv6', prefix: `2001:db8:${(0x100 + i).toString(16)}::/64` },
      ]),
    );

    const started = performance.now();
    const plan = await importAs(text, true);
    const planned = performance.now();
    const report = await importAs(text);
    const done = performance.now();
    console.log(`5,000 neighbors on ${kind}: planned in ${(planned - started).toFixed(0)} ms, imported in ${(done - planned).toFixed(0)} ms`);

    expect(plan.created).toBe(count);
    expect(report.created).toBe(count);
    expect(await db().$count(bgpSessions)).toBe(count);
    expect(await db().$count(bgpSessions, sql`${bgpSessions.ixId} is null`)).toBe(count / 2);
    expect(done - started).toBeLessThan(30_000);

    const again = await importAs(text);
    expect(again).toMatchObject({ created: 0, alreadyPresent: count });
  }, 90_000);
});

describe('who may import', () => {
  it('an Operator is refused by the service and the API; an Admin is not', async () => {
    const operator = await makeUser('operator');
    const admin = await makeUser('admin');
    const request = { routerId, config: FRR };

    expect(await runSessionImport(operator, { ...request, dryRun: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await importSessions(operator, request)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await runSessionImport(admin, { ...request, dryRun: true })).toMatchObject({ ok: true, data: { created: 5 } });

    const call = async (token: string, body: unknown) => callRoute(importRoute.POST, { method: 'POST', path: '/sessions/import', token, body });
    expect(await call(await tokenFor(operator), request)).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    expect(await sessionRows()).toEqual([]);

    const { status, json } = await call(await tokenFor(admin), request);
    expect(status).toBe(200);
    expect(json).toMatchObject({ created: 5, alreadyPresent: 0, skipped: [{ peerIp: '2001:db8:7::22', reason: 'no remote AS' }, { peerIp: '198.51.100.2', reason: 'iBGP neighbor' }] });
    expect(await sessionRows()).toHaveLength(5);
  });

  it('the API says which field is wrong', async () => {
    const token = await tokenFor(await makeUser('admin'));
    const { status, json } = await callRoute(importRoute.POST, { method: 'POST', path: '/sessions/import', token, body: { routerId: 999, config: FRR } });

    expect({ status, fields: json.error?.fields }).toEqual({ status: 400, fields: { routerId: 'There is no such router' } });
  });

  it('live import is for FRR and BIRD: other platforms are asked for the text', async () => {
    await db().update(routers).set({ platform: 'junos' }).where(eq(routers.id, routerId));
    const result = await runSessionImport(await makeUser('admin'), { routerId, dryRun: true });

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Live import works for FRR and BIRD routers; paste the configuration for Junos' },
    });
  });
});
