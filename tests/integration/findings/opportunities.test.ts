import { describe, expect, it } from 'vitest';
import * as opportunitiesRoute from '@/app/api/v1/opportunities/route';
import { db } from '@/db/client';
import { eq } from 'drizzle-orm';
import { bgpSessions, localAsns, pdbNetworks, pdbSyncState, peerStatuses, routers } from '@/db/schema';
import { makeUser } from '../../support/actors';
import { callRoute, tokenFor } from '../../support/api';
import { useTestDatabase } from '../../support/test-database';
import { AMS, FRA, US, loadPeeringWorld } from '../peers-fixture';

useTestDatabase();

describe('opportunities', () => {
  it('lists the networks we neither peer with nor settled with, best score first, with reasons', async () => {
    await loadPeeringWorld();
    const token = await tokenFor(await makeUser('viewer'));
    type Listed = { data: { peerAsn: number; score: number }[] };
    const list = async (query = '') => (await callRoute(opportunitiesRoute.GET, { method: 'GET', path: `/opportunities${query}`, token })).json as Listed;

    // Alpha: open, at both our exchanges (+30 +20), 120+30 prefixes (+9), on the route servers everywhere (-10) = 49.
    // Bravo: open, AMS only (+30 +10), 10 prefixes (+4) = 44. Charlie: restrictive (-20), AMS (+10) = -10. Delta is a route server.
    expect((await list()).data.map((o) => [o.peerAsn, o.score])).toEqual([
      [64501, 49],
      [64502, 44],
      [64503, -10],
    ]);
    expect((await list('?ixId=' + FRA)).data.map((o) => o.peerAsn)).toEqual([64501]);
    expect((await list('?policy=Open&minScore=45')).data).toMatchObject([{ peerAsn: 64501, policy: 'Open', rsPeer: true, ixIds: [AMS, FRA], reasons: expect.arrayContaining(['Open peering policy (+30)']) }]);

    const [router] = await db().insert(routers).values({ name: 'r1', hostname: 'r1.example.net', platform: 'frr', localAsn: US, transport: 'none' }).returning();
    await db().insert(bgpSessions).values({ routerId: router.id, ixId: AMS, localAsn: US, peerAsn: 64502, peerIp: '192.0.2.12' });
    await db().insert(peerStatuses).values({ localAsn: US, ixId: AMS, peerAsn: 64503, status: 'rejected' });
    expect((await list()).data.map((o) => o.peerAsn)).toEqual([64501]);
  });

  it('scores again after a PeeringDB sync or a change of our ASNs, and not on every read', async () => {
    await loadPeeringWorld();
    const token = await tokenFor(await makeUser('viewer'));
    const list = async () => ((await callRoute(opportunitiesRoute.GET, { method: 'GET', path: '/opportunities', token })).json as { data: { peerAsn: number; score: number }[] }).data;
    expect((await list()).find((o) => o.peerAsn === 64503)?.score).toBe(-10);

    // PeeringDB now says Charlie is open: the sync writes the row and its type's run in one transaction.
    await db().update(pdbNetworks).set({ policyGeneral: 'Open' }).where(eq(pdbNetworks.asn, 64503));
    expect((await list()).find((o) => o.peerAsn === 64503)?.score).toBe(-10);
    await db().insert(pdbSyncState).values({ tag: 'net', lastRunAt: new Date(), lastStatus: 'ok' });
    expect((await list()).find((o) => o.peerAsn === 64503)?.score).toBe(40);

    // Without our ASN we are at no exchange: nothing to suggest.
    await db().delete(localAsns);
    expect(await list()).toEqual([]);
  });
});
