import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as sessionsRoute from '@/app/api/v1/peers/[asn]/sessions/route';
import { db } from '@/db/client';
import { configureRows } from '@/db/queries/peer-configure';
import { bgpSessions, jobs, peerGroups, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { configureMultipleSessions } from '@/lib/peering/configure-multiple';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';
import { AMS, FRA, US, loadPeeringWorld } from './peers-fixture';

useTestDatabase();

let operator: Actor;
let ids: { ams: number; fra: number; amsV4: number; amsV6: number; fraV4: number };

beforeEach(async () => {
  await loadPeeringWorld();
  const [ams, fra] = await db()
    .insert(routers)
    .values([
      { name: 'ams-rtr1', hostname: 'ams-rtr1.example.net', platform: 'frr', localAsn: US },
      { name: 'fra-rtr1', hostname: 'fra-rtr1.example.net', platform: 'bird', localAsn: US },
    ])
    .returning();
  const group = (routerId: number, ixId: number, name: string, family: number) =>
    db().insert(peerGroups).values({ routerId, ixId, name, family }).returning().then(([g]) => g.id);
  ids = {
    ams: ams.id,
    fra: fra.id,
    amsV4: await group(ams.id, AMS, 'AMS-V4', 4),
    amsV6: await group(ams.id, AMS, 'AMS-V6', 6),
    fraV4: await group(fra.id, FRA, 'FRA-V4', 4),
  };
  operator = await makeUser('operator');
});

describe('Configure Multiple Sessions', () => {
  it('offers one row per shared exchange and peer family, defaulted to the router and peer group facing it', async () => {
    const { rows } = await configureRows(db(), 64501);
    expect(rows).toEqual([
      { ixId: AMS, exchange: 'AMS-EX', family: 4, peerIp: '192.0.2.11', ourIp: '192.0.2.1', localAsn: US, routerId: ids.ams, peerGroupId: ids.amsV4, type: 'peer', existingSessionId: null },
      { ixId: AMS, exchange: 'AMS-EX', family: 6, peerIp: '2001:db8:a::11', ourIp: '2001:db8:a::1', localAsn: US, routerId: ids.ams, peerGroupId: ids.amsV6, type: 'peer', existingSessionId: null },
      { ixId: FRA, exchange: 'FRA-EX', family: 4, peerIp: '198.51.100.11', ourIp: '198.51.100.1', localAsn: US, routerId: ids.fra, peerGroupId: ids.fraV4, type: 'peer', existingSessionId: null },
    ]);
    // A network PeeringDB calls a route server gets that type.
    expect((await configureRows(db(), 64504)).rows.map((r) => [r.family, r.type])).toEqual([
      [4, 'route_server'],
      [6, 'route_server'],
    ]);
  });

  it('creates the sessions from PeeringDB addresses and queues one job for all of them (now)', async () => {
    const { rows } = await configureRows(db(), 64501);
    const items = rows.map((r) => ({ ixId: r.ixId, family: r.family, routerId: r.routerId, peerGroupId: r.peerGroupId, type: r.type }));
    const result = await configureMultipleSessions(operator, { peerAsn: 64501, items, mode: 'now' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.sessions.map((s) => [
      s.routerName,
      s.exchangeName,
      s.peerIp,
      s.localIp,
      s.peerGroupName,
      s.maxPrefixes,
      s.configStatus,
      s.hasMd5,
    ])).toEqual([
      ['ams-rtr1', 'AMS-EX', '192.0.2.11', '192.0.2.1', 'AMS-V4', 120, 'configuring', false],
      ['ams-rtr1', 'AMS-EX', '2001:db8:a::11', '2001:db8:a::1', 'AMS-V6', 30, 'configuring', false],
      ['fra-rtr1', 'FRA-EX', '198.51.100.11', '198.51.100.1', 'FRA-V4', 120, 'configuring', false],
    ]);
    const all = await db().select().from(jobs);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: result.data.job!.id, kind: 'config.push', createdBy: operator.id });
    expect((all[0].payload as { sessionIds: number[] }).sessionIds).toEqual(result.data.sessions.map((s) => s.id));
    expect(all[0].runAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await configureRows(db(), 64501)).rows.every((r) => r.existingSessionId !== null)).toBe(true);
  });

  it('schedule: sessions are Scheduled and the job runs an hour later by default, or at the time given', async () => {
    const before = Date.now();
    const result = await configureMultipleSessions(operator, { peerAsn: 64502, items: [{ ixId: AMS, family: 4, routerId: ids.ams, peerGroupId: ids.amsV4 }], mode: 'schedule' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.sessions.map((s) => s.configStatus)).toEqual(['scheduled']);
    const runAt = result.data.job!.runAt.getTime();
    expect(runAt - before).toBeGreaterThanOrEqual(3_600_000 - 1000);
    expect(runAt - before).toBeLessThan(3_600_000 + 60_000);
    const at = new Date(Date.now() + 86_400_000);
    const later = await configureMultipleSessions(operator, { peerAsn: 64502, items: [{ ixId: AMS, family: 6, routerId: ids.ams, peerGroupId: ids.amsV6 }], mode: 'schedule', at });
    expect(later.ok && later.data.job!.runAt.toISOString()).toBe(at.toISOString());
    const past = await configureMultipleSessions(operator, { peerAsn: 64503, items: [{ ixId: AMS, family: 4, routerId: ids.ams }], mode: 'schedule', at: new Date(Date.now() - 3_600_000) });
    expect(past).toMatchObject({ ok: false, error: { fields: { at: 'Choose a time in the future' } } });
  });

  it('reports a session that exists already instead of adding it twice', async () => {
    const [existing] = await db()
      .insert(bgpSessions)
      .values({ routerId: ids.ams, ixId: AMS, peerGroupId: ids.amsV4, localAsn: US, peerAsn: 64501, peerIp: '192.0.2.11', configStatus: 'configured' })
      .returning();
    const result = await configureMultipleSessions(operator, {
      peerAsn: 64501,
      items: [
        { ixId: AMS, family: 4, routerId: ids.ams, peerGroupId: ids.amsV4 },
        { ixId: AMS, family: 6, routerId: ids.ams, peerGroupId: ids.amsV6 },
      ],
      mode: 'now',
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.existing).toEqual([{ ixId: AMS, family: 4, routerId: ids.ams, peerIp: '192.0.2.11', sessionId: existing.id }]);
    expect(result.data.sessions.map((s) => s.peerIp)).toEqual(['2001:db8:a::11']);
    expect(await db().select({ ip: bgpSessions.peerIp }).from(bgpSessions).where(eq(
      bgpSessions.peerAsn,
      64501,
    )).orderBy(asc(bgpSessions.id))).toHaveLength(2);
    expect((await configureRows(db(), 64501)).rows.find((r) => r.family === 4 && r.ixId === AMS)?.existingSessionId).toBe(existing.id);
    // Nothing new at all: nothing is queued.
    const again = await configureMultipleSessions(operator, { peerAsn: 64501, items: [{ ixId: AMS, family: 4, routerId: ids.ams, peerGroupId: ids.amsV4 }], mode: 'now' });
    expect(again).toMatchObject({ ok: true, data: { sessions: [], job: null } });
    expect(await db().select().from(jobs)).toHaveLength(1);
  });

  it('refuses a row that does not fit, naming it, and creates nothing', async () => {
    const noV6 = await configureMultipleSessions(operator, {
      peerAsn: 64501,
      items: [
        { ixId: AMS, family: 4, routerId: ids.ams, peerGroupId: ids.amsV4 },
        { ixId: FRA, family: 6, routerId: ids.fra },
      ],
      mode: 'now',
    });
    expect(noV6).toMatchObject({ ok: false, error: { message: 'FRA-EX IPv6: PeeringDB lists no IPv6 address for AS64501 there', fields: { 'items.1.family': 'No peer address' } } });
    const wrongGroup = await configureMultipleSessions(operator, { peerAsn: 64501, items: [{ ixId: FRA, family: 4, routerId: ids.fra, peerGroupId: ids.amsV4 }], mode: 'now' });
    expect(wrongGroup).toMatchObject({ ok: false, error: { fields: { 'items.0.peerGroupId': 'Peer group AMS-V4 is not on router fra-rtr1' } } });
    expect(await db().select().from(bgpSessions)).toEqual([]);
    expect(await db().select().from(jobs)).toEqual([]);
  });

  it('needs sessions.configure; the API takes ixId (exchangeId as another name for it)', async () => {
    const viewer = await makeUser('viewer');
    const item = { ixId: AMS, family: 4, routerId: ids.ams, peerGroupId: ids.amsV4 };
    expect(await configureMultipleSessions(viewer, { peerAsn: 64501, items: [item], mode: 'now' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const forbidden = await callRoute(sessionsRoute.POST, { method: 'POST', token: await tokenFor(viewer), params: { asn: '64501' }, body: { items: [], mode: 'now' } });
    expect(forbidden.status).toBe(403);
    const token = await tokenFor(operator);
    const created = await callRoute(sessionsRoute.POST, {
      method: 'POST',
      token,
      params: { asn: '64501' },
      body: { items: [{ exchangeId: AMS, family: 4, routerId: ids.ams, peerGroupId: ids.amsV4, type: 'peer' }], mode: 'schedule' },
    });
    expect(created).toMatchObject({ status: 201, json: { sessions: [{ peerIp: '192.0.2.11', configStatus: 'scheduled' }], existing: [], job: { kind: 'config.push' } } });
    const bad = await callRoute(sessionsRoute.POST, { method: 'POST', token, params: { asn: '64501' }, body: { items: [{ family: 4, routerId: ids.ams }], mode: 'now' } });
    expect(bad).toMatchObject({ status: 400, json: { error: { fields: { 'items.0.ixId': expect.any(String) } } } });
  });
});
