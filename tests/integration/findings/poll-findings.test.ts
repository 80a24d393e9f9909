import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as findingsRoute from '@/app/api/v1/findings/route';
import * as fixRoute from '@/app/api/v1/findings/[id]/fix/route';
import { db } from '@/db/client';
import { bgpSessions, changes, routers, sessionStateChanges } from '@/db/schema';
import type { NeighborSpec, NeighborState } from '@/lib/config/drivers/types';
import { recordStates } from '@/lib/config/verify';
import { refreshFindings } from '@/lib/findings/compute';
import { observeRouter } from '@/lib/findings/history';
import { makeUser } from '../../support/actors';
import { callRoute, tokenFor } from '../../support/api';
import { useTestDatabase } from '../../support/test-database';

useTestDatabase();

const spec = (sessionId: number, peerIp: string) => ({ sessionId, peerIp }) as NeighborSpec;
const state = (peerIp: string, fields: Partial<NeighborState>): NeighborState => ({ peerIp, state: 'Established', uptimeSeconds: 60, prefixesReceived: 10, lastError: null, maxPrefixTeardown: false, ...fields });

type Listed = {
  data: { id: number; kind: string; severity: string; sessionId: number | null; details: Record<string, unknown>; remedy: string | null }[];
  total: number;
  next: string | null;
};

describe('findings from what a poll stored', () => {
  it('a session that flaps, one near its limit, one the router lacks and one only the router has', async () => {
    const [router] = await db().insert(routers).values({ name: 'edge1', hostname: 'edge1.example.net', platform: 'frr', localAsn: 65001, transport: 'none' }).returning();
    const base = { routerId: router.id, localAsn: 65001, configStatus: 'configured' as const, maxPrefixes: 100 };
    const [flappy, near, missing] = await db()
      .insert(bgpSessions)
      .values([
        { ...base, peerAsn: 65010, peerIp: '192.0.2.10' },
        { ...base, peerAsn: 65011, peerIp: '192.0.2.11' },
        { ...base, peerAsn: 65012, peerIp: '192.0.2.12' },
      ])
      .returning();
    const neighbors = [spec(flappy.id, '192.0.2.10'), spec(near.id, '192.0.2.11'), spec(missing.id, '192.0.2.12')];
    const poll = async (flappyState: Partial<NeighborState>) => {
      const states = [
        state('192.0.2.10', flappyState),
        state('192.0.2.11', { prefixesReceived: 85 }),
        state('192.0.2.12', { state: 'Idle', prefixesReceived: null, lastError: 'Not configured on the router' }),
        state('192.0.2.99', { state: 'Active', unrequested: { peerAsn: 65099 } }),
      ];
      await recordStates(neighbors, await observeRouter(router.id, states));
      await refreshFindings();
    };
    await poll({});
    await poll({ state: 'Idle', prefixesReceived: null, lastError: 'BGP Notification send (Hold Timer Expired)' });
    await poll({});
    await poll({ state: 'Idle', prefixesReceived: null, lastError: 'BGP Notification send (Hold Timer Expired)' });

    expect(await db().select().from(sessionStateChanges).where(eq(sessionStateChanges.sessionId, flappy.id))).toHaveLength(4);
    const token = await tokenFor(await makeUser('viewer'));
    const list = async (query = '') => (await callRoute(findingsRoute.GET, { method: 'GET', path: `/findings${query}`, token })).json as Listed;
    const all = await list();
    expect(all.data.map((f) => [f.kind, f.sessionId ?? f.details.peerIp]).sort()).toEqual(
      [
        ['max_prefix_near', near.id],
        ['missing_on_router', missing.id],
        ['on_router_only', '192.0.2.99'],
        ['session_down', flappy.id],
      ].sort(),
    );
    expect(all.data.find((f) => f.kind === 'session_down')).toMatchObject({ severity: 'critical', remedy: null, details: { reason: 'hold_timer', flaps24h: 2, state: 'Idle' } });
    expect(all.data.find((f) => f.kind === 'max_prefix_near')).toMatchObject({ details: { percent: 85, configured: 100, received: 85 }, remedy: 'update_max_prefix' });
    expect(all.data.find((f) => f.kind === 'on_router_only')).toMatchObject({ details: { peerAsn: 65099, source: 'poll' }, remedy: 'import_session' });

    // Critical first, a page at a time, filtered in SQL.
    expect(all.data.slice(0, 2).map((f) => f.severity)).toEqual(['critical', 'critical']);
    const first = await list('?limit=3');
    expect(first).toMatchObject({ total: 4, next: '3' });
    expect((await list('?cursor=3&limit=3')).data).toHaveLength(1);
    expect((await list('?kind=session_down')).data.map((f) => f.sessionId)).toEqual([flappy.id]);
    expect((await list('?severity=warning')).data.map((f) => f.kind).sort()).toEqual(['max_prefix_near', 'on_router_only']);
    expect((await list('?peerAsn=65011')).data.map((f) => f.kind)).toEqual(['max_prefix_near']);
    expect(await callRoute(findingsRoute.GET, { method: 'GET', path: '/findings?kind=nonsense', token })).toMatchObject({ status: 400 });

    // Re-push the missing session: one change through the push path; a viewer may not.
    const missingFinding = all.data.find((f) => f.kind === 'missing_on_router')!;
    const fix = (t: string) => callRoute(fixRoute.POST, { method: 'POST', path: `/findings/${missingFinding.id}/fix`, token: t, params: { id: String(missingFinding.id) }, body: {} });
    expect(await fix(token)).toMatchObject({ status: 403 });
    const fixed = await fix(await tokenFor(await makeUser('operator')));
    expect(fixed).toMatchObject({ status: 200, json: { fixed: [{ id: missingFinding.id, remedy: 'repush', sessionIds: [missing.id] }] } });
    expect(await db().select().from(changes)).toHaveLength(1);

    // Up again, its session_down resolves; the near one once the fix raises the limit; the re-pushed one is Configuring.
    await poll({});
    const nearFinding = (await list('?kind=max_prefix_near')).data[0];
    expect((await callRoute(fixRoute.POST, { method: 'POST', path: `/findings/${nearFinding.id}/fix`, token: await tokenFor(await makeUser('admin', 'a2@example.test')), params: { id: String(nearFinding.id) }, body: {} })).status).toBe(200);
    expect((await db().select().from(bgpSessions).where(eq(bgpSessions.id, near.id)))[0].maxPrefixes).toBe(107);
    expect((await list()).data.map((f) => f.kind)).toEqual(['on_router_only']);
  });
});
