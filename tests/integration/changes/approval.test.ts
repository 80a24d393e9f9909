import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as approveRoute from '@/app/api/v1/changes/[id]/approve/route';
import * as configureRoute from '@/app/api/v1/sessions/[id]/configure/route';
import * as changeRoute from '@/app/api/v1/changes/[id]/route';
import * as changesRoute from '@/app/api/v1/changes/route';
import { db } from '@/db/client';
import { getSession } from '@/db/queries/sessions';
import { countAwaitingApproval } from '@/db/queries/changes';
import { auditLog, bgpSessions, changes, jobs, localAsns, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { approveChange, rejectChange } from '@/lib/changes/decide';
import { configureSession } from '@/lib/config/configure';
import { tick } from '@/lib/jobs/runner';
import { updatePeeringSettings } from '@/lib/settings/service';
import { updateRouter } from '@/lib/routers/service';
import { makeUser } from '../../support/actors';
import { callRoute, tokenFor } from '../../support/api';
import { junosDevice } from '../../support/junos-device';
import { useTestDatabase } from '../../support/test-database';

useTestDatabase();

let operator: Actor;
let admin: Actor;
let otherAdmin: Actor;
let device: Awaited<ReturnType<typeof junosDevice>> | undefined;

const ok = <T,>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

beforeEach(async () => {
  await db().insert(localAsns).values({ asn: 65001 });
  operator = await makeUser('operator');
  admin = await makeUser('admin');
  otherAdmin = await makeUser('admin', 'second-admin@example.test');
});
afterEach(async () => {
  await device?.server.close();
  device = undefined;
});

async function sessionOn(routerId: number) {
  const [s] = await db().insert(bgpSessions).values({ routerId, ixId: null, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.12.2', maxPrefixes: 100, description: 'Lab peer' }).returning();
  return s;
}

const commits = () => device!.server.commands.filter((c) => c === 'commit and-quit').length;
const changeRow = async (id: number) => (await db().select().from(changes).where(eq(changes.id, id)))[0];

describe('four-eyes approval', () => {
  beforeEach(async () => {
    ok(await updatePeeringSettings(admin, { changeControl: { approvalRequired: true } }));
    device = await junosDevice();
  });

  it('a change waits in pending_approval with its diff taken at request time, and nothing reaches the router', async () => {
    const s = await sessionOn(device!.router.id);
    const { change, job } = ok(await configureSession(operator, { sessionId: s.id, mode: 'now' }));
    expect(change).toMatchObject({ status: 'pending_approval' });
    expect(job).toBeNull();
    const row = await changeRow(change!.id);
    expect(row).toMatchObject({ kind: 'configure', routerId: device!.router.id, sessionIds: [s.id], authorId: operator.id, diffNote: null });
    expect(row.running).toBe('set protocols bgp group IXP neighbor 10.0.12.2 peer-as 65002\n');
    expect(row.diff).toContain('+set protocols bgp group');
    expect(commits()).toBe(0);
    expect(await db().select().from(jobs)).toHaveLength(0);
    expect((await getSession(db(), s.id))!.configStatus).toBe('scheduled');
    expect(await countAwaitingApproval(db(), admin.id)).toBe(1);
    expect(await countAwaitingApproval(db(), operator.id)).toBe(0);
  });

  it('the author cannot approve their own change (403); another admin approves it and it is pushed and succeeds', async () => {
    const s = await sessionOn(device!.router.id);
    const { change } = ok(await configureSession(admin, { sessionId: s.id, mode: 'now' }));
    const own = await callRoute(approveRoute.POST, { method: 'POST', token: await tokenFor(admin), params: { id: String(change!.id) }, body: {} });
    expect(own.status).toBe(403);
    expect((await changeRow(change!.id)).status).toBe('pending_approval');

    const approved = await callRoute(approveRoute.POST, { method: 'POST', token: await tokenFor(otherAdmin), params: { id: String(change!.id) }, body: { comment: 'Looks right' } });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ change: { id: change!.id, status: 'approved' }, returned: false });
    const jobId = (approved.json.job as { id: number }).id;
    const [outcome] = await tick({ only: jobId });
    expect(outcome).toMatchObject({ status: 'succeeded' });
    expect(commits()).toBe(1);
    const detail = await callRoute(changeRoute.GET, { token: await tokenFor(operator), params: { id: String(change!.id) } });
    expect(detail.json).toMatchObject({ status: 'succeeded', authorId: admin.id, approverId: otherAdmin.id, jobId, approvals: [{ decision: 'approved', comment: 'Looks right', actor: otherAdmin.email }] });
    expect((await getSession(db(), s.id))!.configStatus).toBe('configured');
  });

  it('an operator may not approve (changes.approve is for admins)', async () => {
    const s = await sessionOn(device!.router.id);
    const { change } = ok(await configureSession(admin, { sessionId: s.id, mode: 'now' }));
    const result = await approveChange(operator, { id: change!.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('when the router changed between the request and the approval, the change goes back for approval with the new diff', async () => {
    const s = await sessionOn(device!.router.id);
    const { change } = ok(await configureSession(operator, { sessionId: s.id, mode: 'now' }));
    device!.running = 'set protocols bgp group IXP neighbor 10.0.12.2 peer-as 65002\nset protocols bgp group IXP neighbor 10.0.12.2 description changed-by-hand';
    const first = ok(await approveChange(admin, { id: change!.id }));
    expect(first).toMatchObject({ change: { status: 'pending_approval' }, job: null, returned: true });
    const row = await changeRow(change!.id);
    expect(row.status).toBe('pending_approval');
    expect(row.diff).toContain('-set protocols bgp group IXP neighbor 10.0.12.2 description changed-by-hand');
    expect(commits()).toBe(0);
    // Reviewed again against what the router runs now: this time it goes through.
    expect(ok(await approveChange(admin, { id: change!.id }))).toMatchObject({ change: { status: 'approved' }, returned: false });
  });

  it('rejection leaves the router untouched and the session where it was', async () => {
    const s = await sessionOn(device!.router.id);
    const { change } = ok(await configureSession(operator, { sessionId: s.id, mode: 'now' }));
    const connectionsBefore = device!.server.connections();
    expect(ok(await rejectChange(admin, { id: change!.id, comment: 'Not before the IX confirms' }))).toMatchObject({ change: { status: 'rejected' } });
    expect(device!.server.connections()).toBe(connectionsBefore);
    expect(commits()).toBe(0);
    expect((await getSession(db(), s.id))!.configStatus).toBe('not_configured');
    expect(await approveChange(otherAdmin, { id: change!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const list = await callRoute(changesRoute.GET, { token: await tokenFor(operator), path: '/changes?status=rejected' });
    expect(list.json.data).toMatchObject([{ id: change!.id, status: 'rejected' }]);
  });
});

describe('production routers', () => {
  it('a production router always needs approval, even with approval off; only approvers may set the flag', async () => {
    device = await junosDevice();
    expect(await updateRouter(operator, { id: device.router.id, production: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ok(await updateRouter(admin, { id: device.router.id, production: true }));
    const s = await sessionOn(device.router.id);
    const { change } = ok(await configureSession(operator, { sessionId: s.id, mode: 'now' }));
    expect(change).toMatchObject({ status: 'pending_approval' });
    const [router] = await db().select().from(routers).where(eq(routers.id, device.router.id));
    expect(router.production).toBe(true);
  });

  it('without approval required a change is queued at once and succeeds', async () => {
    device = await junosDevice();
    const s = await sessionOn(device.router.id);
    const { change, job } = ok(await configureSession(operator, { sessionId: s.id, mode: 'now' }));
    expect(change).toMatchObject({ status: 'scheduled' });
    await tick({ only: job!.id });
    const row = await changeRow(change!.id);
    expect(row).toMatchObject({ status: 'succeeded', jobId: job!.id });
    expect(row.diff).toContain('+set protocols bgp group');
    expect(row.output).toContain('commit and-quit');
  });
});

describe('dry run', () => {
  it('shows the change exactly as it would be pushed, and pushes and records nothing', async () => {
    device = await junosDevice();
    ok(await updateRouter(admin, { id: device.router.id, production: true }));
    const s = await sessionOn(device.router.id);
    const res = await callRoute(configureRoute.POST, { method: 'POST', token: await tokenFor(operator), params: { id: String(s.id) }, body: { mode: 'now', dryRun: true } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ router: 'mx1', approvalRequired: true, inWindow: true, nextWindow: null, note: null, running: 'set protocols bgp group IXP neighbor 10.0.12.2 peer-as 65002\n' });
    expect(res.json.candidate).toContain('set protocols bgp group');
    expect(res.json.diff).toContain('+set protocols bgp group');
    expect(await db().select().from(changes)).toHaveLength(0);
    expect(await db().select().from(jobs)).toHaveLength(0);
    expect(commits()).toBe(0);
    expect((await getSession(db(), s.id))!.configStatus).toBe('not_configured');
  });

  it('a Viewer may not see it, and the refusal is in the audit log like any other', async () => {
    device = await junosDevice();
    const s = await sessionOn(device.router.id);
    const res = await callRoute(configureRoute.POST, { method: 'POST', token: await tokenFor(await makeUser('viewer')), params: { id: String(s.id) }, body: { mode: 'now', dryRun: true } });
    expect(res).toMatchObject({ status: 403, json: { error: { code: 'forbidden', message: expect.stringContaining('sessions.configure') } } });
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'session.configure.dry_run'))).toMatchObject([{ actorLabel: 'viewer@example.test', succeeded: false }]);
    expect(commits()).toBe(0);
  });
});
