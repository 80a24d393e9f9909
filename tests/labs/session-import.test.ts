import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bgpSessions, localAsns, pdbExchanges, pdbIxlans, pdbIxPrefixes, pdbNetworks, peerGroups, routers } from '@/db/schema';
import { runSessionImport } from '@/lib/import/apply';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';
import { labEnv } from '../support/lab-env';

const env = labEnv(['LAB_FRR_VTY_SOCKET', 'LAB_FRR_CONFIG_DIR', 'LAB_BIRD_CTL']);
const VTYSH = `vtysh --vty_socket ${env.LAB_FRR_VTY_SOCKET} --config_dir ${env.LAB_FRR_CONFIG_DIR}`;
const BIRDC = `birdc -s ${env.LAB_BIRD_CTL}`;
const LAB_IX = 900_001;

useTestDatabase();

beforeEach(async () => {
  await db().insert(pdbExchanges).values({ id: LAB_IX, name: 'LAB-IX', city: 'Amsterdam', country: 'NL' });
  await db().insert(pdbIxlans).values({ id: LAB_IX, ixId: LAB_IX });
  await db().insert(pdbIxPrefixes).values([
    { id: 1, ixlanId: LAB_IX, protocol: 'IPv4', prefix: '10.0.12.0/22' },
    { id: 2, ixlanId: LAB_IX, protocol: 'IPv6', prefix: '2001:db8:12::/64' },
  ]);
  await db().insert(pdbNetworks).values([
    { id: 1, asn: 65001, name: 'Peerdesk Lab Net', infoPrefixes4: 10 },
    { id: 2, asn: 65002, name: 'Lab Peer Net', infoPrefixes4: 100 },
  ]);
});

async function addRouter(values: { name: string; platform: 'frr' | 'bird'; localAsn: number; controlCommand: string }) {
  const [router] = await db()
    .insert(routers)
    .values({ ...values, hostname: 'localhost', transport: 'local' })
    .returning();
  return router;
}

async function importLive(routerId: number, dryRun: boolean) {
  const result = await runSessionImport(await makeUser('admin', `admin-${Math.random()}@example.test`), { routerId, dryRun });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe('importing sessions live from the lab routers', () => {
  it('reads FRR r1 and imports its neighbor 10.0.12.2 (AS65002) as a Configured session', async () => {
    await db().insert(localAsns).values({ asn: 65001 });
    const r1 = await addRouter({ name: 'r1', platform: 'frr', localAsn: 65001, controlCommand: VTYSH });

    const plan = await importLive(r1.id, true);
    expect(plan.neighbors).toEqual([
      expect.objectContaining({
        peerIp: '10.0.12.2',
        remoteAsn: 65002,
        decision: 'new',
        exchange: { id: LAB_IX, name: 'LAB-IX' },
        peerGroup: { name: 'IXP', isNew: true },
        peeringDbName: 'Lab Peer Net',
        description: 'AS65002 existing',
        maxPrefixes: 100,
        hasMd5: true,
      }),
    ]);
    // the running configuration and FRR's BGP state agree
    expect(plan.warnings).toEqual([]);

    const report = await importLive(r1.id, false);
    expect(report).toMatchObject({ created: 1, alreadyPresent: 0, skipped: [] });
    const [session] = await db().select().from(bgpSessions).where(eq(bgpSessions.routerId, r1.id));
    const [group] = await db().select().from(peerGroups);
    expect(session).toMatchObject({
      peerIp: '10.0.12.2',
      peerAsn: 65002,
      localAsn: 65001,
      ixId: LAB_IX,
      peerGroupId: group.id,
      configStatus: 'configured',
      maxPrefixes: 100,
      md5Enc: null,
    });
    expect(session.notes).toContain('MD5 set on the router (key not imported)');
    expect(group).toMatchObject({ name: 'IXP', family: 4, ixId: LAB_IX });

    expect(await importLive(r1.id, false)).toMatchObject({ created: 0, alreadyPresent: 1 });
  });

  it('reads BIRD r2 and finds its as65001 protocol: neighbor 10.0.12.1', async () => {
    // r2 stands in for one of our routers here, so AS65001 is not one of our ASNs
    const r2 = await addRouter({ name: 'r2', platform: 'bird', localAsn: 65002, controlCommand: BIRDC });

    const plan = await importLive(r2.id, true);
    expect(plan.neighbors).toEqual([
      expect.objectContaining({
        peerIp: '10.0.12.1',
        remoteAsn: 65001,
        localAsn: 65002,
        decision: 'new',
        exchange: { id: LAB_IX, name: 'LAB-IX' },
        description: 'AS65001 existing',
        peeringDbName: 'Peerdesk Lab Net',
        maxPrefixes: 100,
        maxPrefixesFrom: 'config',
        shutdown: false,
      }),
    ]);

    expect(await importLive(r2.id, false)).toMatchObject({ created: 1 });
    const [session] = await db().select().from(bgpSessions).where(eq(bgpSessions.routerId, r2.id));
    expect(session).toMatchObject({ peerIp: '10.0.12.1', peerAsn: 65001, configStatus: 'configured', peerGroupId: null });
  });

  it('says which command failed when the daemon cannot be reached', async () => {
    const broken = await addRouter({ name: 'r1-broken', platform: 'frr', localAsn: 65001, controlCommand: 'vtysh --vty_socket /nonexistent' });

    const result = await runSessionImport(await makeUser('admin'), { routerId: broken.id, dryRun: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!result.ok && result.error.message).toMatch(/^"'vtysh' '--vty_socket' '\/nonexistent' -c 'show running-config'" failed on r1-broken \(exit \d+\)/);
  });
});
