import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { eq } from 'drizzle-orm';
import { storeSessionStateBars } from '@/db/queries/dashboard';
import { bgpSessions, chartSnapshots, jobs, pdbSyncState, peerStatuses, routers, sessionPrefixPoints } from '@/db/schema';
import { PEERINGDB_SYNC } from '@/lib/jobs/labels';
import { loadDashboard } from '@/lib/dashboard/reads';
import { makeUser } from '../../support/actors';
import { useTestDatabase } from '../../support/test-database';
import { AMS, FRA, US, askedStatus, hoursAgo, loadPeeringWorld } from '../peers-fixture';

useTestDatabase();

const asked = askedStatus;

beforeEach(async () => {
  await loadPeeringWorld();
  await db().insert(peerStatuses).values([
    // 60 replies waiting for an answer: more than any page of requests holds.
    ...Array.from({ length: 60 }, (_, i) => asked(65100 + i, AMS, 'request_sent', 300, { repliedAt: hoursAgo(1 + i) })),
    asked(65200, AMS, 'request_sent', 400, { followUps: 2, lastFollowUpAt: hoursAgo(300), stalledAt: hoursAgo(100) }),
    // Sent 200 hours ago, no follow-up yet: the default week has passed, so one is due.
    asked(65201, FRA, 'request_sent', 200),
    // Sent 10 hours ago: nothing to do yet. Approved: the request is answered.
    asked(65202, AMS, 'request_sent', 10),
    asked(65203, AMS, 'approved', 50),
  ]);
});

describe('the home dashboard', () => {
  it('counts every request that needs someone (replies, stalls, follow-ups due), not only those of a first page, and lists the most pressing', async () => {
    const { requests } = await loadDashboard(await makeUser('viewer'));
    expect(requests.total).toBe(62);
    expect(requests.rows).toHaveLength(5);
    expect(requests.rows.every((r) => r.stage === 'replied')).toBe(true);
  });

  it('lists the stall and the follow-up due once no reply waits', async () => {
    await db().delete(peerStatuses);
    await db().insert(peerStatuses).values([
      asked(65200, AMS, 'request_sent', 400, { followUps: 2, lastFollowUpAt: hoursAgo(300), stalledAt: hoursAgo(100) }),
      asked(65201, FRA, 'request_sent', 200),
      asked(65202, AMS, 'request_sent', 10),
    ]);
    const { requests } = await loadDashboard(await makeUser('viewer'));
    expect(requests.rows.map((r) => [r.peerAsn, r.stage])).toEqual([
      [65200, 'stalled'],
      [65201, 'sent'],
    ]);
    expect(requests.total).toBe(2);
  });

  it('charts configured sessions per exchange by polled state, busiest exchange first; removed and unconfigured ones are left out', async () => {
    const [router] = await db().insert(routers).values({ name: 'r1', hostname: 'r1.example.net', platform: 'frr', localAsn: US, transport: 'none' }).returning();
    const polled = hoursAgo(0.1);
    const session = (n: number, ixId: number | null, extra: Partial<typeof bgpSessions.$inferInsert>) =>
      ({ routerId: router.id, ixId, localAsn: US, peerAsn: 64600 + n, peerIp: `192.0.2.${n}`, configStatus: 'configured' as const, ...extra });
    await db().insert(bgpSessions).values([
      session(1, AMS, { bgpState: 'Established', lastPolledAt: polled }),
      session(2, AMS, { bgpState: 'established (up 3d)', lastPolledAt: polled }),
      session(3, AMS, { bgpState: 'Active', lastPolledAt: polled }),
      session(4, AMS, {}),
      session(5, FRA, { bgpState: 'Idle', lastPolledAt: polled }),
      session(6, null, { bgpState: 'Established', lastPolledAt: polled }),
      session(7, null, { bgpState: 'Established', lastPolledAt: polled }),
      session(8, FRA, { bgpState: 'Established', lastPolledAt: polled, configStatus: 'not_configured' }),
      session(9, FRA, { bgpState: 'Established', lastPolledAt: polled, removedAt: polled }),
      // A state that came with an import, before any poll: counted once, as established.
      session(10, AMS, { bgpState: 'Established' }),
    ]);
    const { bars } = await loadDashboard(await makeUser('viewer'));
    expect(bars).toEqual([
      { ixId: AMS, exchange: 'AMS-EX', up: 3, down: 1, unknown: 1 },
      { ixId: null, exchange: 'No exchange', up: 2, down: 0, unknown: 0 },
      { ixId: FRA, exchange: 'FRA-EX', up: 0, down: 1, unknown: 0 },
    ]);
  });

  it('keeps the state chart as the last poll counted it, for a minute at most', async () => {
    const [router] = await db().insert(routers).values({ name: 'r1', hostname: 'r1.example.net', platform: 'frr', localAsn: US, transport: 'none' }).returning();
    const polled = hoursAgo(0.1);
    const [first] = await db()
      .insert(bgpSessions)
      .values([1, 2].map((n) => ({ routerId: router.id, ixId: AMS, localAsn: US, peerAsn: 64600 + n, peerIp: `192.0.2.${n}`, configStatus: 'configured' as const, bgpState: 'Established', lastPolledAt: polled })))
      .returning();
    const viewer = await makeUser('viewer');
    expect((await loadDashboard(viewer)).bars).toEqual([{ ixId: AMS, exchange: 'AMS-EX', up: 2, down: 0, unknown: 0 }]);
    // A state the next poll will store: the chart shows it once that poll has counted (the poll job calls storeSessionStateBars).
    await db().update(bgpSessions).set({ bgpState: 'Idle' }).where(eq(bgpSessions.id, first.id));
    expect((await loadDashboard(viewer)).bars).toEqual([{ ixId: AMS, exchange: 'AMS-EX', up: 2, down: 0, unknown: 0 }]);
    await storeSessionStateBars(db());
    expect((await loadDashboard(viewer)).bars).toEqual([{ ixId: AMS, exchange: 'AMS-EX', up: 1, down: 1, unknown: 0 }]);
    // Without a poll, a chart older than a minute is counted again at the next view.
    await db().delete(bgpSessions).where(eq(bgpSessions.id, first.id));
    await db().update(chartSnapshots).set({ computedAt: new Date(Date.now() - 61_000) });
    const { bars, barsAsOf } = await loadDashboard(viewer);
    expect(bars).toEqual([{ ixId: AMS, exchange: 'AMS-EX', up: 1, down: 0, unknown: 0 }]);
    expect(Date.now() - barsAsOf.getTime()).toBeLessThan(10_000);
  });

  it('lists the jobs that failed in the last day with their count, and how the last PeeringDB sync ended', async () => {
    await db().insert(jobs).values([
      ...Array.from({ length: 7 }, (_, i) => ({ kind: 'bgp.poll', status: 'failed' as const, error: `unreachable ${i}`, finishedAt: hoursAgo(1 + i) })),
      { kind: 'bgp.poll', status: 'failed' as const, error: 'too old to list', finishedAt: hoursAgo(30) },
      { kind: 'bgp.poll', status: 'succeeded' as const, finishedAt: hoursAgo(0.5) },
      { kind: PEERINGDB_SYNC.name, status: 'succeeded' as const, finishedAt: hoursAgo(3) },
      { kind: PEERINGDB_SYNC.name, status: 'failed' as const, error: 'timeout', finishedAt: hoursAgo(2.5) },
    ]);
    await db().insert(pdbSyncState).values([
      { tag: 'net', lastStatus: 'failed', lastError: 'HTTP 502' },
      { tag: 'ix', lastStatus: 'ok' },
    ]);
    const { failing, sync } = await loadDashboard(await makeUser('viewer'));
    expect(failing.total).toBe(8);
    expect(failing.rows.map((j) => j.error)).toEqual(['unreachable 0', 'unreachable 1', 'timeout', 'unreachable 2', 'unreachable 3']);
    expect(sync.running).toBe(false);
    expect(sync.last?.status).toBe('failed');
    expect((Date.now() - sync.last!.finishedAt!.getTime()) / 3_600_000).toBeCloseTo(2.5, 1);
    expect(sync.failedTypes).toEqual([{ tag: 'net', lastError: 'HTTP 502' }]);
  });

  it('charts prefixes received over the last week for the three sessions that receive the most, or for the one asked for', async () => {
    const [router] = await db().insert(routers).values({ name: 'r1', hostname: 'r1.example.net', platform: 'frr', localAsn: US, transport: 'none' }).returning();
    const rows = await db()
      .insert(bgpSessions)
      .values(
        [500, 20, 9000, 700, null, 100000].map((prefixes, i) => ({
          routerId: router.id, ixId: AMS, localAsn: US, peerAsn: 64600 + i, peerIp: `192.0.2.${i + 1}`, peerName: `Peer ${i}`, prefixesReceived: prefixes,
          // The biggest is gone: a removed session is not charted.
          removedAt: prefixes === 100000 ? hoursAgo(1) : null,
        })),
      )
      .returning();
    const [, small, biggest] = rows;
    await db().insert(sessionPrefixPoints).values([
      { sessionId: biggest.id, at: hoursAgo(30), prefixes: 8000 },
      { sessionId: biggest.id, at: hoursAgo(2), prefixes: 9000 },
      { sessionId: biggest.id, at: hoursAgo(24 * 8), prefixes: 1 },
      { sessionId: small.id, at: hoursAgo(2), prefixes: 20 },
    ]);
    const viewer = await makeUser('viewer');
    const { series } = await loadDashboard(viewer);
    expect(series.map((s) => [s.label, s.points.map((p) => p.prefixes)])).toEqual([
      ['Peer 0 192.0.2.1', []],
      ['Peer 2 192.0.2.3', [8000, 9000]],
      ['Peer 3 192.0.2.4', []],
    ]);
    const one = await loadDashboard(viewer, small.id);
    expect(one.series.map((s) => [s.label, s.points.map((p) => p.prefixes)])).toEqual([['Peer 1 192.0.2.2', [20]]]);
  });
});
