import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as configureRoute from '@/app/api/v1/sessions/[id]/configure/route';
import * as routerRoute from '@/app/api/v1/routers/[id]/route';
import { db } from '@/db/client';
import { bgpSessions, changes, jobs, localAsns, type Weekday } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { configureSession } from '@/lib/config/configure';
import { tick } from '@/lib/jobs/runner';
import { makeUser } from '../../support/actors';
import { callRoute, tokenFor } from '../../support/api';
import { junosDevice } from '../../support/junos-device';
import { useTestDatabase } from '../../support/test-database';

useTestDatabase();

let operator: Actor;
let admin: Actor;
let device: Awaited<ReturnType<typeof junosDevice>> | undefined;

beforeEach(async () => {
  await db().insert(localAsns).values({ asn: 65001 });
  operator = await makeUser('operator');
  admin = await makeUser('admin');
  device = await junosDevice();
});
afterEach(async () => {
  await device?.server.close();
  device = undefined;
});

const days: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

/** A window on today's weekday (UTC) from `start` for `minutes`. */
const windowAt = (start: Date, minutes: number) => ({ days: [days[start.getUTCDay()]], start: hhmm(start), end: hhmm(new Date(start.getTime() + minutes * 60_000)), timeZone: 'UTC' });

async function setWindows(windows: unknown) {
  const res = await callRoute(routerRoute.PATCH, { method: 'PATCH', token: await tokenFor(admin), params: { id: String(device!.router.id) }, body: { maintenanceWindows: windows } });
  expect(res.status).toBe(200);
  return res;
}

async function session() {
  const [s] = await db().insert(bgpSessions).values({ routerId: device!.router.id, ixId: null, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.12.2', maxPrefixes: 100 }).returning();
  return s;
}

describe('maintenance windows', () => {
  it('the router keeps its windows (PATCH /routers/{id}); an operator may not change them', async () => {
    const res = await setWindows([{ days: ['sat'], start: '02:00', end: '04:00', timeZone: 'Europe/Amsterdam' }]);
    expect(res.json).toMatchObject({ maintenanceWindows: [{ days: ['sat'], start: '02:00', end: '04:00', timeZone: 'Europe/Amsterdam' }] });
    const refused = await callRoute(routerRoute.PATCH, { method: 'PATCH', token: await tokenFor(operator), params: { id: String(device!.router.id) }, body: { maintenanceWindows: [] } });
    expect(refused.status).toBe(403);
  });

  it('Push now outside the window is refused; an operator cannot force it; an admin can, with a reason that is recorded', async () => {
    await setWindows([windowAt(new Date(Date.now() + 3 * 3_600_000), 60)]);
    const s = await session();
    const refused = await callRoute(configureRoute.POST, { method: 'POST', token: await tokenFor(operator), params: { id: String(s.id) }, body: { mode: 'now' } });
    expect(refused.status).toBe(409);
    expect(refused.json.error!.message).toMatch(/outside its maintenance window/);
    const operatorForce = await configureSession(operator, { sessionId: s.id, mode: 'now', emergencyReason: 'Peer down' });
    expect(operatorForce).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await db().select().from(jobs)).toHaveLength(0);

    const forced = await callRoute(configureRoute.POST, { method: 'POST', token: await tokenFor(admin), params: { id: String(s.id) }, body: { mode: 'now', emergencyReason: 'IX asked us to fix the session tonight' } });
    expect(forced.status).toBe(202);
    const [change] = await db().select().from(changes);
    expect(change).toMatchObject({ emergencyReason: 'IX asked us to fix the session tonight', status: 'scheduled' });
    const [job] = await db().select().from(jobs);
    expect(job.runAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('a change scheduled outside the window waits for it, then runs inside it', async () => {
    // A window that opens at the start of the next minute (a whole minute when this one is nearly over).
    const opens = new Date(Math.ceil((Date.now() + 5_000) / 60_000) * 60_000);
    await setWindows([windowAt(opens, 30)]);
    const s = await session();
    const res = await callRoute(configureRoute.POST, { method: 'POST', token: await tokenFor(operator), params: { id: String(s.id) }, body: { mode: 'schedule', at: new Date().toISOString() } });
    expect(res.status).toBe(202);
    const jobId = (res.json.job as { id: number }).id;
    const [job] = await db().select().from(jobs).where(eq(jobs.id, jobId));
    expect(job.runAt).toEqual(opens);
    expect((await tick()).map((o) => o.id)).not.toContain(jobId);
    expect(device!.server.commands.filter((c) => c === 'commit and-quit')).toHaveLength(0);

    await new Promise((r) => setTimeout(r, opens.getTime() - Date.now() + 200));
    const outcomes = await tick();
    expect(outcomes.find((o) => o.id === jobId)).toMatchObject({ status: 'succeeded' });
    expect(device!.server.commands.filter((c) => c === 'commit and-quit')).toHaveLength(1);
    const [change] = await db().select().from(changes);
    expect(change.status).toBe('succeeded');
  }, 90_000);
});
