import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bgpSessions, changes, jobs, localAsns, pdbNetworks, prefixLists, routers } from '@/db/schema';
import { asSetFromPeeringDb, safeAsSet } from '@/lib/filters/as-set';
import { refreshPeerLists } from '@/lib/filters/prefix-lists';
import { requestPrefixListRefresh } from '@/lib/filters/refresh';
import { ensureRecurringJobs } from '@/lib/jobs/recurring';
import { tick } from '@/lib/jobs/runner';
import { updatePeeringSettings } from '@/lib/settings/service';
import { makeUser } from '../support/actors';
import { DEFAULT_IRR, type IrrSettings } from '@/lib/filters/settings';
import { peerPrefixLists } from '@/lib/filters/view';
import { labFixture, syntheticFixture } from '@/tools/irrd-test-server/fixture';
import { startIrrdTestServer, type IrrdTestServer } from '@/tools/irrd-test-server/server';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

let irrd: IrrdTestServer;
let irr: IrrSettings;

beforeAll(async () => {
  irrd = await startIrrdTestServer({ fixture: labFixture() });
  // The lab's peer is AS65002, a private ASN bgpq4 leaves out unless told (-p).
  irr = { ...DEFAULT_IRR, server: irrd.address, sources: 'RIPE,ARIN', privateAsns: true };
});
afterAll(() => irrd.close());

beforeEach(async () => {
  irrd.fixture = labFixture();
  Object.assign(irrd.faults, { refuse: false, failQueries: false });
  await db().insert(pdbNetworks).values({ id: 2, asn: 65002, name: 'Lab Peer Net', irrAsSet: 'RIPE::AS-LABPEER', infoPrefixes4: 2, infoPrefixes6: 1, status: 'ok', created: new Date(), updated: new Date() });
});

describe('AS-SET shapes', () => {
  it('takes the first safe entry of PeeringDB free text and refuses anything bgpq4 could read as an option', () => {
    expect(asSetFromPeeringDb('RIPE::AS-FOO, ARIN::AS-BAR')).toBe('RIPE::AS-FOO');
    expect(asSetFromPeeringDb('-h evil.example AS-FOO')).toBe('AS-FOO');
    expect(safeAsSet('as65002:as-customers')).toBe('AS65002:AS-CUSTOMERS');
    for (const bad of ['-hAS-FOO', 'AS-FOO;rm', 'AS-FOO BAR', '!gAS1', 'AS-']) expect(safeAsSet(bad)).toBeNull();
  });
});

describe('IRR prefix lists with bgpq4', () => {
  it("generates the peer's IPv4 and IPv6 lists from its PeeringDB AS-SET, in FRR's syntax, through the IRRd protocol", async () => {
    const { changed, families } = await refreshPeerLists(65002, irr);
    expect(changed).toBe(true);
    expect(families.map((f) => [f.family, f.status, f.count])).toEqual([[4, 'good', 2], [6, 'good', 1]]);
    const view = await peerPrefixLists(65002);
    expect(view.asSet).toBe('RIPE::AS-LABPEER');
    expect(view.lists[0].prefixes).toEqual(['198.51.100.0/24', '198.51.101.0/24']);
    // bgpq4 asked the source the AS-SET names, then expanded it itself
    expect(irrd.commands).toContain('!sRIPE');
    expect(irrd.commands.some((c) => c.startsWith('!iAS-LABPEER'))).toBe(true);
  });

  it('keeps every version, with what each added and removed', async () => {
    await refreshPeerLists(65002, irr);
    irrd.fixture.routes.RIPE[65002] = ['198.51.100.0/24', '198.51.102.0/24', '2001:db8:2::/48'];
    const second = await refreshPeerLists(65002, irr);
    expect(second.changed).toBe(true);
    const again = await refreshPeerLists(65002, irr);
    expect(again.changed).toBe(false);
    const v4 = (await peerPrefixLists(65002)).history.filter((h) => h.family === 4);
    expect(v4.map((h) => h.status)).toEqual(['good', 'good']);
    expect(v4[0]).toMatchObject({ added: ['198.51.102.0/24'], removed: ['198.51.101.0/24'] });
  });

  it('a failed lookup keeps the last good list and says why', async () => {
    await refreshPeerLists(65002, irr);
    irrd.faults.refuse = true;
    const failed = await refreshPeerLists(65002, irr);
    expect(failed.changed).toBe(false);
    expect(failed.families.every((f) => f.status === 'rejected')).toBe(true);
    const view = await peerPrefixLists(65002);
    expect(view.lists.map((l) => l.count)).toEqual([2, 1]);
    expect(view.warnings[0].warning).toMatch(/Lookup of RIPE::AS-LABPEER failed/);
  });

  it('an empty answer keeps the last good list', async () => {
    await refreshPeerLists(65002, irr);
    irrd.fixture.routes.RIPE[65002] = [];
    await refreshPeerLists(65002, irr);
    const view = await peerPrefixLists(65002);
    expect(view.lists.find((l) => l.family === 4)?.prefixes).toEqual(['198.51.100.0/24', '198.51.101.0/24']);
    expect(view.warnings.find((w) => w.family === 4)?.warning).toMatch(/gave no IPv4 prefixes/);
  });

  it('an absurd result (far past PeeringDB and the last list) keeps the last good list and flags the AS-SET', async () => {
    await refreshPeerLists(65002, irr);
    const huge = syntheticFixture(1, 500);
    irrd.fixture.routes.RIPE[65002] = huge.routes.RIPE[64600].filter((p) => !p.includes(':'));
    const outcome = await refreshPeerLists(65002, irr);
    expect(outcome.changed).toBe(false);
    expect(outcome.families[0]).toMatchObject({ status: 'rejected', count: 500 });
    expect(outcome.families[0].warning).toMatch(/500 IPv4 prefixes where PeeringDB says the network announces 2/);
    expect((await peerPrefixLists(65002)).lists.find((l) => l.family === 4)?.count).toBe(2);
    const rows = await db().select().from(prefixLists);
    expect(rows.filter((r) => r.status === 'rejected').length).toBe(2);
  });

  it('a list that jumps past the threshold against the last one is held back, a sane growth is not', async () => {
    await db().update(pdbNetworks).set({ infoPrefixes4: null });
    irrd.fixture = syntheticFixture(1, 40);
    await db().update(pdbNetworks).set({ irrAsSet: 'AS-BENCH0', asn: 64600 });
    const first = await refreshPeerLists(64600, { ...irr, sources: 'RIPE' });
    expect(first.families[0].status).toBe('good');
    irrd.fixture = syntheticFixture(1, 45);
    expect((await refreshPeerLists(64600, { ...irr, sources: 'RIPE' })).families[0].status).toBe('good');
    irrd.fixture = syntheticFixture(1, 200);
    const jump = await refreshPeerLists(64600, { ...irr, sources: 'RIPE' });
    expect(jump.families[0]).toMatchObject({ status: 'rejected' });
    expect(jump.families[0].warning).toMatch(/grew from 45 to 200/);
    expect((await refreshPeerLists(64600, { ...irr, sources: 'RIPE', maxPrefixes: 100 })).families[0].warning).toMatch(/more than the 100 a sane AS-SET has/);
  });
});

describe('the IRR prefix lists job', () => {
  it('"Refresh now" regenerates the lists, and a changed list becomes a change for each router that has the peer', async () => {
    const admin = await makeUser('admin');
    const operator = await makeUser('operator');
    const saved = await updatePeeringSettings(admin, { irr: { server: irrd.address, sources: 'RIPE,ARIN', privateAsns: true } });
    if (!saved.ok) throw new Error(saved.error.message);
    await db().insert(localAsns).values({ asn: 65001 });
    const [r1, r3] = await db()
      .insert(routers)
      .values([
        { name: 'r1', hostname: 'r1', platform: 'frr', transport: 'none', localAsn: 65001 },
        { name: 'r3', hostname: 'r3', platform: 'ios', transport: 'none', localAsn: 65001 },
      ])
      .returning();
    await db()
      .insert(bgpSessions)
      .values([
        { routerId: r1.id, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.13.2', configStatus: 'configured' },
        { routerId: r3.id, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.14.2', configStatus: 'configured' },
        { routerId: r3.id, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.15.2', configStatus: 'not_configured' },
      ]);
    const queued = await requestPrefixListRefresh(operator, { peerAsn: 'AS65002' });
    if (!queued.ok) throw new Error(queued.error.message);
    const [outcome] = await tick({ only: queued.data.job.id });
    expect(outcome).toMatchObject({ status: 'succeeded', result: { peers: 1, changed: [65002], warnings: 0 } });
    const made = await db().select().from(changes);
    expect(made.map((c) => c.routerId).sort()).toEqual([r1.id, r3.id].sort());
    const lists = await db().select().from(prefixLists);
    // Each list in the syntax of both platforms that have the peer
    expect(lists.map((l) => [l.family, l.texts.frr?.split('\n')[1], l.texts.ios !== undefined])).toEqual([
      [4, 'ip prefix-list PD-AS65002-V4 permit 198.51.100.0/24', true],
      [6, 'ipv6 prefix-list PD-AS65002-V6 permit 2001:db8:2::/48', true],
    ]);
  });

  it('is scheduled only once the IRR settings are saved and a session exists: no IRR is asked before', async () => {
    const irrJobs = async () => (await db().select().from(jobs)).filter((j) => j.kind === 'irr.refresh');
    const [router] = await db().insert(routers).values({ name: 'r1', hostname: 'r1', platform: 'frr', transport: 'none', localAsn: 65001 }).returning();
    await db().insert(bgpSessions).values({ routerId: router.id, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.13.2' });
    await ensureRecurringJobs();
    expect(await irrJobs()).toEqual([]);
    const saved = await updatePeeringSettings(await makeUser('admin'), { irr: { server: irrd.address, refreshHours: 12 } });
    if (!saved.ok) throw new Error(saved.error.message);
    await ensureRecurringJobs();
    expect((await irrJobs()).map((j) => j.summary)).toEqual(['IRR prefix lists (every 12 h)']);
  });
});
