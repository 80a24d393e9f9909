import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bgpSessions, findings, jobs, routers } from '@/db/schema';
import type { NeighborSpec } from '@/lib/config/drivers/types';
import { renderSessions } from '@/lib/config/render';
import { encryptSecret } from '@/lib/crypto/secrets';
import { refreshFindings } from '@/lib/findings/compute';
import { describeFinding } from '@/lib/findings/describe';
import { compareSession, frrLinesByPeer } from '@/lib/findings/drift';
import { configDriftJob } from '@/lib/findings/drift-check';
import { ensureRecurringJobs } from '@/lib/jobs/recurring';
import { updatePeeringSettings } from '@/lib/settings/service';
import { makeUser } from '../../support/actors';
import { routerRow } from '../../support/router-fixture';
import { useTestDatabase } from '../../support/test-database';

useTestDatabase();

const frr = routerRow({ name: 'edge1', platform: 'frr', localAsn: 65001 });
const bird = routerRow({ name: 'edge2', platform: 'bird', localAsn: 65001 });
const neighbor = (fields: Partial<NeighborSpec> = {}): NeighborSpec => ({
  sessionId: 1, peerIp: '192.0.2.2', peerAsn: 65002, localAsn: 65001, localIp: null, family: 4, peerGroup: null,
  description: 'Peer Two', md5: null, maxPrefixes: 100, type: 'peer', adminDown: false, key: 'pd_as65002_192_0_2_2', ...fields,
});

// What the built-in FRR template renders for the neighbor above (with a key: the password line).
const frrRendered = (key: string | null) => [
  'route-map PEERDESK-IN permit 100', 'exit',
  'router bgp 65001',
  ' neighbor 192.0.2.2 remote-as 65002',
  ' neighbor 192.0.2.2 description Peer Two',
  ...(key ? [` neighbor 192.0.2.2 password ${key}`] : []),
  ' address-family ipv4 unicast',
  '  neighbor 192.0.2.2 activate',
  '  neighbor 192.0.2.2 maximum-prefix 100',
  '  neighbor 192.0.2.2 route-map PEERDESK-IN in',
  '  neighbor 192.0.2.2 route-map PEER-OUT out',
  ' exit-address-family',
  'exit', '',
].join('\n');

// The same as FRR shows it: its own order, other neighbors around it, no ipv4 `activate` (bgp default ipv4-unicast).
const frrRunning = (lines: { description?: string; key?: string | null; maxPrefix?: boolean } = {}) => [
  'frr version 8.4', '!',
  'router bgp 65001',
  ' neighbor 192.0.2.9 remote-as 65009',
  ' neighbor 192.0.2.2 remote-as 65002',
  ...(lines.key ? [` neighbor 192.0.2.2 password ${lines.key}`] : []),
  `  neighbor   192.0.2.2 description ${lines.description ?? 'Peer Two'}`,
  ' !',
  ' address-family ipv4 unicast',
  '  neighbor 192.0.2.9 activate',
  '  neighbor 192.0.2.2 route-map PEER-OUT out',
  '  neighbor 192.0.2.2 route-map PEERDESK-IN in',
  ...(lines.maxPrefix === false ? [] : ['  neighbor 192.0.2.2 maximum-prefix 100']),
  ' exit-address-family',
  'exit', '!', 'end', '',
].join('\n');

describe('config drift: comparing the router lines of a session with the rendering', () => {
  it('FRR: order, indentation, other neighbors and the implied ipv4 activate are not drift; a changed description and a removed max-prefix are', () => {
    expect(compareSession(frr, neighbor(), frrRunning(), frrRendered(null))).toBeNull();
    const drift = compareSession(frr, neighbor(), frrRunning({ description: 'other', maxPrefix: false }), frrRendered(null));
    expect(drift).toMatchObject({
      router: 'edge1',
      peerIp: '192.0.2.2',
      keyDiffers: false,
      missing: expect.arrayContaining(['router bgp 65001 » neighbor 192.0.2.2 description Peer Two', 'router bgp 65001 » address-family ipv4 unicast » neighbor 192.0.2.2 maximum-prefix 100']),
      unexpected: ['router bgp 65001 » neighbor 192.0.2.2 description other'],
    });
    expect(drift!.missing).toHaveLength(2);
    expect(drift!.diff).toContain('- neighbor 192.0.2.2 description other');
    expect(drift!.diff).toContain('+ neighbor 192.0.2.2 description Peer Two');
    expect(drift!.diff).toContain('+  neighbor 192.0.2.2 maximum-prefix 100');
    expect(describeFinding('config_drift', drift!)).toBe('1 line only on edge1, 2 from the template missing, e.g. "neighbor 192.0.2.2 description other".');
    // A neighbor the router does not have at all is missing_on_router, not drift.
    expect(compareSession(frr, neighbor({ peerIp: '192.0.2.77' }), frrRunning(), frrRendered(null))).toBeNull();
  });

  it('FRR: the running configuration is cut once into each neighbor\'s lines, and each compares on its own', () => {
    const n2 = neighbor();
    const n9 = neighbor({ sessionId: 9, peerIp: '192.0.2.9', peerAsn: 65009, description: null, maxPrefixes: null });
    const absent = neighbor({ sessionId: 5, peerIp: '192.0.2.5' });
    const cut = frrLinesByPeer(frrRunning({ description: 'the password is elsewhere' }), frr, [n2, absent, n9]);
    expect([...cut.keys()]).toEqual(['192.0.2.2', '192.0.2.9']);
    expect(cut.get('192.0.2.9')).toBe('router bgp 65001\n neighbor 192.0.2.9 remote-as 65009\n address-family ipv4 unicast\n  neighbor 192.0.2.9 activate\n exit-address-family\nexit\n');
    const drift = compareSession(frr, n2, cut.get('192.0.2.2')!, frrRendered(null))!;
    // A description that says "password" is not the key (what follows the word is masked all the same).
    expect(drift).toMatchObject({ unexpected: ['router bgp 65001 » neighbor 192.0.2.2 description the password ******** elsewhere'], keyDiffers: false });
  });

  it('a hostile MD5 key never appears in what drift reports, whether the router has it, another key, or the key inside other text', () => {
    // Regex characters, a word that also stands in other lines, and a key that is part of other words.
    for (const key of ['a.b*c(1)[x]^+', 'Two', 'PEER', 'd/e@f%g']) {
      const n = neighbor({ md5: key });
      expect(compareSession(frr, n, frrRunning({ key }), frrRendered(key))).toBeNull();
      const other = `${key}-router`;
      const onlyKey = compareSession(frr, n, frrRunning({ key: other }), frrRendered(key))!;
      expect(onlyKey.keyDiffers).toBe(true);
      expect(onlyKey.diff).toContain('password ********');
      expect(describeFinding('config_drift', onlyKey)).toMatch(/the MD5 key differs\.$/);
      const pasted = compareSession(frr, n, frrRunning({ key, description: `x${key}y ${key}` }), frrRendered(key))!;
      const missingKey = compareSession(frr, n, frrRunning({ key: null }), frrRendered(key))!;
      expect(missingKey.keyDiffers).toBe(true);
      for (const details of [onlyKey, pasted, missingKey]) {
        expect(JSON.stringify(details)).not.toContain(key);
        expect(JSON.stringify(details)).not.toContain(other);
      }
    }
  });

  it('BIRD: comments, blank lines, indentation and order are not drift; a removed import limit is', () => {
    const rendered = ['protocol bgp pd_as65002_192_0_2_2 {', '  description "Peer Two";', '  local as 65001;', '  neighbor 192.0.2.2 as 65002;', '  ipv4 {', '    import limit 100 action restart;', '    import filter PEER_IN;', '    export filter PEER_OUT;', '  };', '}', ''].join('\n');
    const reordered = ['# edited by hand', 'protocol bgp pd_as65002_192_0_2_2 {', 'neighbor 192.0.2.2 as 65002;', '  description "Peer Two";  # ours', '', '  local as 65001;', '  ipv4 {', '    export filter PEER_OUT;', '    import filter PEER_IN;', '    import limit 100 action restart;', '  };', '}'].join('\n');
    expect(compareSession(bird, neighbor(), reordered, rendered)).toBeNull();
    const drift = compareSession(bird, neighbor(), reordered.replace('    import limit 100 action restart;\n', ''), rendered);
    expect(drift?.missing).toEqual(['protocol bgp pd_as65002_192_0_2_2 { » ipv4 { » import limit 100 action restart;']);
    expect(drift?.unexpected).toEqual([]);
  });
});

describe('the drift check job', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'peerdesk-drift-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const ctx = { progress: () => undefined, log: () => undefined };
  const KEY = 'k3y.(drift)*';

  it('opens config_drift with a repush remedy, keeps it through the findings recompute, and resolves it when the router matches again', async () => {
    // BIRD: the lines are the neighbor's file. FRR: a stand-in vtysh that prints a running configuration.
    const peersDir = path.join(dir, 'peers.d');
    rmSync(peersDir, { recursive: true, force: true });
    writeFileSync(path.join(dir, 'vtysh'), `#!/bin/sh\ncat ${path.join(dir, 'running.conf')}\n`);
    chmodSync(path.join(dir, 'vtysh'), 0o755);
    mkdirSync(peersDir);
    const [r1, r2] = await db()
      .insert(routers)
      .values([
        { name: 'edge1', hostname: 'edge1.example.net', platform: 'frr', localAsn: 65001, transport: 'local', controlCommand: path.join(dir, 'vtysh') },
        { name: 'edge2', hostname: 'edge2.example.net', platform: 'bird', localAsn: 65001, transport: 'local', peersDir },
      ])
      .returning();
    const common = { localAsn: 65001, peerAsn: 65002, configStatus: 'configured' as const, maxPrefixes: 100, description: 'Peer Two', md5Enc: encryptSecret(KEY) };
    const [onFrr, onBird] = await db()
      .insert(bgpSessions)
      .values([
        { ...common, routerId: r1.id, peerIp: '192.0.2.2' },
        { ...common, routerId: r2.id, peerIp: '192.0.2.3' },
      ])
      .returning();
    const rendering = async (id: number) => (await renderSessions(db(), [id]))[0].sections[0].text;
    const [frrText, birdText] = [await rendering(onFrr.id), await rendering(onBird.id)];
    const birdFile = path.join(peersDir, 'pd_as65002_192_0_2_3.conf');
    const write = (frrConfig: string, birdConfig: string) => {
      writeFileSync(path.join(dir, 'running.conf'), frrConfig);
      writeFileSync(birdFile, birdConfig);
    };
    const open = () => db().select().from(findings).where(and(eq(findings.kind, 'config_drift'), isNull(findings.resolvedAt)));

    write(frrText, birdText);
    expect(await configDriftJob(ctx)).toEqual({ routers: [{ router: 'edge1', sessions: 1, drifted: 0 }, { router: 'edge2', sessions: 1, drifted: 0 }] });
    expect(await open()).toEqual([]);

    write(frrText.replace(' description Peer Two', ' description other').replace(`password ${KEY}`, 'password typed-by-hand'), birdText.replace(/ *import limit 100 action restart;\n/, ''));
    await configDriftJob(ctx);
    const drifting = await open();
    expect(drifting.map((f) => [f.key, f.severity, f.remedy, f.routerId, f.peerAsn]).sort()).toEqual([
      [`session:${onFrr.id}`, 'warning', 'repush', r1.id, 65002],
      [`session:${onBird.id}`, 'warning', 'repush', r2.id, 65002],
    ]);
    const frrFinding = drifting.find((f) => f.sessionId === onFrr.id)!;
    expect(frrFinding.details).toMatchObject({ router: 'edge1', peerIp: '192.0.2.2', keyDiffers: true, unexpected: expect.arrayContaining(['router bgp 65001 » neighbor 192.0.2.2 description other']) });
    expect(drifting.find((f) => f.sessionId === onBird.id)!.details).toMatchObject({ missing: ['protocol bgp pd_as65002_192_0_2_3 { » ipv4 { » import limit 100 action restart;'], keyDiffers: false });
    expect(JSON.stringify(drifting)).not.toContain(KEY);
    expect(JSON.stringify(drifting)).not.toContain('typed-by-hand');

    // The recompute after a poll or sync does not compute drift: it keeps what the check found.
    await refreshFindings();
    expect((await open()).map((f) => f.id).sort()).toEqual(drifting.map((f) => f.id).sort());

    write(frrText, birdText);
    await configDriftJob(ctx);
    expect(await open()).toEqual([]);
    expect((await db().select().from(findings).where(eq(findings.kind, 'config_drift'))).every((f) => f.resolvedAt !== null)).toBe(true);

    // Drift on a session that is then removed in Peerdesk resolves with the next recompute.
    write(frrText.replace(' description Peer Two', ' description other'), birdText);
    await configDriftJob(ctx);
    expect((await open()).map((f) => f.sessionId)).toEqual([onFrr.id]);
    await db().update(bgpSessions).set({ configStatus: 'removed', removedAt: new Date() }).where(eq(bgpSessions.id, onFrr.id));
    await refreshFindings();
    expect(await open()).toEqual([]);
  });
});

describe('scheduling the drift check', () => {
  it('runs every 15 minutes once a session is configured on an FRR or BIRD router Peerdesk connects to, and stops with polling', async () => {
    const driftJobs = () => db().select().from(jobs).where(eq(jobs.kind, 'config.drift'));
    const [renderOnly, reached] = await db()
      .insert(routers)
      .values([
        { name: 'paper', hostname: 'paper.example.net', platform: 'frr', localAsn: 65001, transport: 'none' },
        { name: 'edge1', hostname: 'edge1.example.net', platform: 'frr', localAsn: 65001, transport: 'local' },
      ])
      .returning();
    await db().insert(bgpSessions).values({ routerId: renderOnly.id, localAsn: 65001, peerAsn: 65002, peerIp: '192.0.2.2', configStatus: 'configured' });
    const [session] = await db().insert(bgpSessions).values({ routerId: reached.id, localAsn: 65001, peerAsn: 65002, peerIp: '192.0.2.3' }).returning();
    await ensureRecurringJobs();
    expect(await driftJobs()).toEqual([]);
    await db().update(bgpSessions).set({ configStatus: 'configured' }).where(eq(bgpSessions.id, session.id));
    await ensureRecurringJobs();
    await ensureRecurringJobs();
    expect(await driftJobs()).toEqual([expect.objectContaining({ status: 'scheduled', summary: 'Configuration drift check (every 15 min)' })]);
    const saved = await updatePeeringSettings(await makeUser('admin'), { bgpPollIntervalSeconds: 0 });
    if (!saved.ok) throw new Error(saved.error.message);
    await ensureRecurringJobs();
    expect((await driftJobs()).map((j) => j.status)).toEqual(['cancelled']);
  });
});
