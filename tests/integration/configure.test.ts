import net from 'node:net';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as configureRoute from '@/app/api/v1/sessions/[id]/configure/route';
import * as adminStateRoute from '@/app/api/v1/sessions/[id]/admin-state/route';
import * as pollRoute from '@/app/api/v1/sessions/poll/route';
import { db } from '@/db/client';
import { getSession, listSessionPushes } from '@/db/queries/sessions';
import { bgpSessions, configPushes, jobs, localAsns, routers, templates, type Job } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { configureSession, queueConfigure, setSessionAdminState } from '@/lib/config/configure';
import { refreshBgpState } from '@/lib/config/poll';
import { RENDER_ONLY_NOTE } from '@/lib/config/push';
import { encryptSecret } from '@/lib/crypto/secrets';
import { cancelJob } from '@/lib/jobs/service';
import { ensureRecurringJobs } from '@/lib/jobs/recurring';
import { tick } from '@/lib/jobs/runner';
import { updatePeeringSettings } from '@/lib/settings/service';
import { deleteSession } from '@/lib/sessions/service';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { startScriptedSshServer, type ScriptedSshServer } from '../support/scripted-ssh-server';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const MD5 = 'Sup3r-Secret-Key';
let operator: Actor;

beforeEach(async () => {
  await db().insert(localAsns).values({ asn: 65001 });
  operator = await makeUser('operator');
});

type RouterValues = Partial<typeof routers.$inferInsert> & { name: string };
async function addRouter(values: RouterValues) {
  const [router] = await db()
    .insert(routers)
    .values({ hostname: `${values.name}.example.net`, platform: 'junos', localAsn: 65001, transport: 'ssh', username: 'peerdesk', passwordEnc: encryptSecret('pw'), ...values })
    .returning();
  return router;
}

async function addSession(routerId: number, peerIp: string, extra: Partial<typeof bgpSessions.$inferInsert> = {}) {
  const [s] = await db()
    .insert(bgpSessions)
    .values({ routerId, ixId: null, localAsn: 65001, peerAsn: 65002, peerIp, md5Enc: encryptSecret(MD5), maxPrefixes: 100, description: 'Lab peer', ...extra })
    .returning();
  return s;
}

const status = async (id: number) => (await getSession(db(), id))!;
const ok = <T,>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

async function queue(sessionIds: number[], mode: 'now' | 'schedule' = 'now', extra: { operation?: 'configure' | 'remove' | 'admin_down' | 'admin_up'; at?: Date } = {}) {
  return db().transaction((tx) => queueConfigure(tx, operator, { sessionIds, mode, ...extra }));
}

/** Runs one job the way the scheduler would, optionally with a shorter router time limit. */
async function run(job: Pick<Job, 'id'>, knobs: { timeoutMs?: number; verifySeconds?: number } = {}) {
  if (Object.keys(knobs).length) {
    const [row] = await db().select().from(jobs).where(eq(jobs.id, job.id));
    await db().update(jobs).set({ payload: { ...row.payload, ...knobs } }).where(eq(jobs.id, job.id));
  }
  const [outcome] = await tick({ only: job.id });
  return outcome;
}

/** A TCP port that counts who connects, to prove nothing did. */
async function countingListener() {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => connections,
    close: () => new Promise((r) => server.close(r)),
  };
}

async function closedPort() {
  const listener = await countingListener();
  await listener.close();
  return listener.port;
}

describe('configuring now or on a schedule', () => {
  it('a scheduled configure is one job an hour later and the session shows Scheduled', async () => {
    const r1 = await addRouter({ name: 'r1' });
    const s = await addSession(r1.id, '10.0.12.2');
    const { job, change } = ok(await configureSession(operator, { sessionId: s.id, mode: 'schedule' }));
    expect(change).toMatchObject({ status: 'scheduled' });
    expect(job!.runAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(await status(s.id)).toMatchObject({ configStatus: 'scheduled' });
    const [row] = await db().select().from(jobs).where(eq(jobs.id, job!.id));
    expect(row).toMatchObject({ kind: 'config.push', summary: 'Configure 1 session on r1', createdBy: operator.id, payload: { sessionIds: [s.id], operation: 'configure' } });
  });

  it('configuring sessions on two routers now is one job, and they show Configuring', async () => {
    const r1 = await addRouter({ name: 'r1' });
    const r2 = await addRouter({ name: 'r2' });
    const a = await addSession(r1.id, '10.0.12.2');
    const b = await addSession(r1.id, '10.0.12.3');
    const c = await addSession(r2.id, '10.0.12.4');
    const job = await queue([a.id, b.id, c.id]);
    expect(job).toMatchObject({ kind: 'config.push', summary: 'Configure 3 sessions on r1, r2' });
    expect(job.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    for (const s of [a, b, c]) expect(await status(s.id)).toMatchObject({ configStatus: 'configuring' });
    expect(await db().select().from(jobs)).toHaveLength(1);
  });

  it('refuses a past time, a session already being configured, and a removed one', async () => {
    const r1 = await addRouter({ name: 'r1' });
    const s = await addSession(r1.id, '10.0.12.2');
    expect(await configureSession(operator, { sessionId: s.id, mode: 'schedule', at: new Date(Date.now() - 3_600_000).toISOString() })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { at: 'That time has passed: pick a later one, or configure now' } },
    });
    ok(await configureSession(operator, { sessionId: s.id, mode: 'schedule' }));
    expect(await configureSession(operator, { sessionId: s.id, mode: 'now' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('scheduled already') } });
    const gone = await addSession(r1.id, '10.0.12.9', { configStatus: 'removed', removedAt: new Date() });
    expect(await configureSession(operator, { sessionId: gone.id, mode: 'now' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await configureSession(operator, { sessionId: 9999, mode: 'now' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a viewer may not configure, change the admin state or refresh; through the API neither', async () => {
    const viewer = await makeUser('viewer');
    const r1 = await addRouter({ name: 'r1' });
    const s = await addSession(r1.id, '10.0.12.2');
    expect(await configureSession(viewer, { sessionId: s.id, mode: 'now' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await setSessionAdminState(viewer, { sessionId: s.id, adminDown: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await refreshBgpState(viewer, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const token = await tokenFor(viewer);
    const id = String(s.id);
    expect(await callRoute(configureRoute.POST, { method: 'POST', token, params: { id }, body: { mode: 'now' } })).toMatchObject({ status: 403 });
    expect(await callRoute(adminStateRoute.POST, { method: 'POST', token, params: { id }, body: { adminDown: true } })).toMatchObject({ status: 403 });
    expect(await callRoute(pollRoute.POST, { method: 'POST', token })).toMatchObject({ status: 403 });
    expect(await status(s.id)).toMatchObject({ configStatus: 'not_configured', adminDown: false });
  });

  it('the API takes {mode, at} and answers with the job; bad input is a 400 naming the field', async () => {
    const r1 = await addRouter({ name: 'r1' });
    const s = await addSession(r1.id, '10.0.12.2');
    const token = await tokenFor(operator);
    const id = String(s.id);
    expect(await callRoute(configureRoute.POST, { method: 'POST', token, params: { id }, body: { mode: 'later' } })).toMatchObject({ status: 400, json: { error: { fields: { mode: 'now or schedule' } } } });
    const at = new Date(Date.now() + 2 * 3_600_000).toISOString();
    expect(await callRoute(configureRoute.POST, { method: 'POST', token, params: { id }, body: { mode: 'schedule', at } })).toMatchObject({ status: 202, json: { job: { status: 'scheduled', runAt: at } } });
    expect(await callRoute(pollRoute.POST, { method: 'POST', token })).toMatchObject({ status: 202, json: { job: { status: 'scheduled' } } });
  });

  it('cancelling a scheduled job puts its sessions back where they were', async () => {
    const r1 = await addRouter({ name: 'r1' });
    const fresh = await addSession(r1.id, '10.0.12.2');
    const configured = await addSession(r1.id, '10.0.12.3', { configStatus: 'configured' });
    const job = await queue([fresh.id, configured.id], 'schedule');
    expect(await status(configured.id)).toMatchObject({ configStatus: 'scheduled' });
    ok(await cancelJob(operator, { id: job.id }));
    expect(await status(fresh.id)).toMatchObject({ configStatus: 'not_configured' });
    expect(await status(configured.id)).toMatchObject({ configStatus: 'configured' });
  });
});

describe('what a push does when it cannot reach the router', () => {
  it('a render-only router gets the text rendered and recorded, never sent; the session stays Not Configured', async () => {
    const listener = await countingListener();
    const r1 = await addRouter({ name: 'r1', transport: 'none', managementAddress: '127.0.0.1', sshPort: listener.port });
    const s = await addSession(r1.id, '10.0.12.2');
    const outcome = await run(await queue([s.id]));
    expect(outcome).toMatchObject({ status: 'succeeded', result: { routers: [{ router: 'r1', status: 'rendered' }] } });
    expect(await status(s.id)).toMatchObject({ configStatus: 'not_configured', configError: RENDER_ONLY_NOTE });
    const [push] = await db().select().from(configPushes);
    expect(push).toMatchObject({ status: 'rendered', sessionIds: [s.id], operation: 'configure', actorId: operator.id });
    expect(push.renderedConfig).toContain('10.0.12.2');
    expect(push.renderedConfig).toContain('********');
    expect(JSON.stringify(push)).not.toContain(MD5);
    expect(listener.connections()).toBe(0);
    await listener.close();
  });

  it('a template error is an Error with the template name, line and column, and nothing connects', async () => {
    const listener = await countingListener();
    const r1 = await addRouter({ name: 'r1', managementAddress: '127.0.0.1', sshPort: listener.port });
    await db().insert(templates).values({ kind: 'config', platform: 'junos', name: 'Broken Junos', isDefault: true, body: 'protocols {\n  bgp {{ session.peer_ip | nosuchfilter }}\n}' });
    const s = await addSession(r1.id, '10.0.12.2');
    const outcome = await run(await queue([s.id]));
    expect(outcome.status).toBe('failed');
    const after = await status(s.id);
    expect(after.configStatus).toBe('error');
    expect(after.configError).toMatch(/^Template Broken Junos, line 2, column \d+: .*nosuchfilter/);
    expect(listener.connections()).toBe(0);
    expect(await listSessionPushes(db(), s.id)).toEqual([expect.objectContaining({ status: 'failed', error: after.configError })]);
    await listener.close();
  });

  it('an unreachable router is an Error with what went wrong, for every session it carries', async () => {
    const port = await closedPort();
    const r1 = await addRouter({ name: 'r1', managementAddress: '127.0.0.1', sshPort: port });
    const a = await addSession(r1.id, '10.0.12.2');
    const b = await addSession(r1.id, '10.0.12.3');
    const outcome = await run(await queue([a.id, b.id]));
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringContaining(`r1: Connection refused by 127.0.0.1:${port}`) });
    for (const s of [a, b]) expect(await status(s.id)).toMatchObject({ configStatus: 'error', configError: `Connection refused by 127.0.0.1:${port}: nothing accepts SSH connections on that port.` });
    expect(await db().select({ status: configPushes.status }).from(configPushes)).toEqual([{ status: 'failed' }]);
  });
});

describe('admin state and refresh without a router', () => {
  it('admin down on a session not on the router is only recorded, for the next configuration', async () => {
    const r1 = await addRouter({ name: 'r1' });
    const s = await addSession(r1.id, '10.0.12.2');
    expect(ok(await setSessionAdminState(
      operator,
      { sessionId: s.id, adminDown: true },
    ))).toEqual({ adminDown: true, change: null, job: null });
    expect(await status(s.id)).toMatchObject({ adminDown: true, configStatus: 'not_configured' });
    expect(await db().select().from(jobs)).toHaveLength(0);
  });

  it('Refresh brings the scheduled poll forward instead of adding a second one', async () => {
    const first = ok(await refreshBgpState(operator, {}));
    await db().update(jobs).set({ runAt: new Date(Date.now() + 3_600_000) }).where(eq(jobs.id, first.job.id));
    const second = ok(await refreshBgpState(operator, {}));
    expect(second.job.id).toBe(first.job.id);
    expect(second.job.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await db().select().from(jobs)).toHaveLength(1);
  });

  it('polling is scheduled every interval once an FRR or BIRD session is configured; 0 in the settings turns it off', async () => {
    const pollJobs = () => db().select().from(jobs).where(eq(jobs.kind, 'bgp.poll'));
    const r1 = await addRouter({ name: 'r1', platform: 'frr', transport: 'local' });
    await addSession(r1.id, '10.0.12.2');
    await ensureRecurringJobs();
    expect(await pollJobs()).toHaveLength(0);
    await db().update(bgpSessions).set({ configStatus: 'configured' });
    await ensureRecurringJobs();
    await ensureRecurringJobs();
    expect(await pollJobs()).toEqual([expect.objectContaining({ status: 'scheduled', summary: 'BGP state polling (every 300 s)' })]);

    const admin = await makeUser('admin');
    expect(await updatePeeringSettings(admin, { bgpPollIntervalSeconds: -5 })).toMatchObject({ ok: false, error: { fields: { bgpPollIntervalSeconds: 'Seconds, 0 or more (0 turns polling off)' } } });
    expect(ok(await updatePeeringSettings(admin, { bgpPollIntervalSeconds: 0 }))).toMatchObject({ bgpPollIntervalSeconds: 0 });
    await ensureRecurringJobs();
    expect((await pollJobs()).map((j) => j.status)).toEqual(['cancelled']);
  });

  it('deleting a session never on the router removes the record at once', async () => {
    const r1 = await addRouter({ name: 'r1' });
    const failedFirst = await addSession(r1.id, '10.0.12.2', { configStatus: 'error', configError: 'refused' });
    expect(ok(await deleteSession(operator, { id: failedFirst.id }))).toEqual({ id: failedFirst.id });
    expect(await getSession(db(), failedFirst.id)).toBeUndefined();
  });
});

/** ssh2 now and then generates an ed25519 host key it cannot parse back; another key does. */
async function startServer(opts: Parameters<typeof startScriptedSshServer>[0]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startScriptedSshServer(opts);
    } catch (err) {
      if (attempt === 5 || !/Malformed OpenSSH private key/.test(String(err))) throw err;
    }
  }
}

/** A Junos CLI close enough for the driver: private config mode, load set terminal, commit check, commit and-quit. */
async function junosDevice(fail: { commitCheck?: boolean; hangOnCommitCheck?: boolean } = {}) {
  const server = await startServer({
    prompt: (mode) => (mode === 'exec' ? 'peerdesk@r1> ' : mode === 'load' ? '' : '\n[edit]\npeerdesk@r1# '),
    script: (c, s) => {
      if (s.mode === 'load') return c === '^D' ? { output: 'load complete', mode: 'config' } : { prompt: false };
      if (c === 'configure private' || c === 'configure exclusive') return { output: 'Entering configuration mode', mode: 'config' };
      if (/^commit confirmed \d+$/.test(c)) return `commit confirmed will be automatically rolled back in ${c.split(' ')[2]} minutes unless confirmed\ncommit complete`;
      if (c === 'load set terminal') return { output: '[Type ^D at a new line to end input]', prompt: false, mode: 'load' };
      if (c === 'commit check') {
        if (fail.hangOnCommitCheck) return { hang: true };
        return fail.commitCheck
          ? "[edit protocols bgp group IXP neighbor 10.0.12.2]\n  'import'\n    Policy PEER-IN must be defined before it is referenced\nerror: configuration check-out failed"
          : 'configuration check succeeds';
      }
      if (c === 'commit and-quit') return { output: 'commit complete\nExiting configuration mode', mode: 'exec' };
      if (c === 'rollback 0') return 'load complete';
      if (c === 'exit configuration-mode') return { output: 'Exiting configuration mode', mode: 'exec' };
      if (c.startsWith('show configuration protocols bgp')) return 'set protocols bgp group IXP neighbor 10.0.12.2 peer-as 65002';
    },
  });
  const router = await addRouter({ name: 'mx1', platform: 'junos', managementAddress: '127.0.0.1', sshPort: server.port, username: 'peerdesk', passwordEnc: encryptSecret('secret') });
  return { server, router };
}

describe('pushing to a Junos router over SSH', () => {
  let server: ScriptedSshServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const threeSessions = async (routerId: number) => Promise.all(['10.0.12.2', '10.0.12.3', '10.0.12.4'].map((ip) => addSession(routerId, ip)));
  const commits = () => server!.commands.filter((c) => c === 'commit and-quit').length;

  it('three sessions are one connection and one commit, and all three are Configured', async () => {
    const device = await junosDevice();
    server = device.server;
    const sessions = await threeSessions(device.router.id);
    const outcome = await run(await queue(sessions.map((s) => s.id)));
    expect(outcome).toMatchObject({ status: 'succeeded', result: { routers: [{ router: 'mx1', sessions: 3, status: 'succeeded' }] } });
    expect(server.connections()).toBe(1);
    expect(commits()).toBe(1);
    for (const ip of ['10.0.12.2', '10.0.12.3', '10.0.12.4']) expect(server.commands.some((c) => c.includes(`neighbor ${ip}`))).toBe(true);
    for (const s of sessions) expect(await status(s.id)).toMatchObject({ configStatus: 'configured', configError: null });
    const [push] = await db().select().from(configPushes);
    expect(push).toMatchObject({ status: 'succeeded', sessionIds: sessions.map((s) => s.id), jobId: expect.any(Number), actorId: operator.id, finishedAt: expect.any(Date) });
    expect(push.diff).toContain('10.0.12.3');
    expect(JSON.stringify(push)).not.toContain(MD5);
  });

  it('a rejected commit leaves all three in Error with the router\'s words, none Configured', async () => {
    const device = await junosDevice({ commitCheck: true });
    server = device.server;
    const sessions = await threeSessions(device.router.id);
    expect(await run(await queue(sessions.map((s) => s.id)))).toMatchObject({ status: 'failed' });
    expect(commits()).toBe(0);
    for (const s of sessions) {
      const after = await status(s.id);
      expect(after.configStatus).toBe('error');
      expect(after.configError).toContain('Policy PEER-IN must be defined before it is referenced');
    }
    expect(await db().select({ status: configPushes.status }).from(configPushes)).toEqual([{ status: 'failed' }]);
  });

  it('a router that hangs mid-push is an Error with the time limit, none Configured', async () => {
    const device = await junosDevice({ hangOnCommitCheck: true });
    server = device.server;
    const sessions = await threeSessions(device.router.id);
    const outcome = await run(await queue(sessions.map((s) => s.id)), { timeoutMs: 1_500 });
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/did not finish|timed out|within 1\.5 s/) });
    expect(commits()).toBe(0);
    for (const s of sessions) expect(await status(s.id)).toMatchObject({ configStatus: 'error', configError: expect.stringMatching(/1\.5 s/) });
  });

  it('the Config Manager pushes the edited text once, with ******** standing for the session key, and keeps the edit in the record', async () => {
    const device = await junosDevice();
    server = device.server;
    const s = await addSession(device.router.id, '10.0.12.2');
    const edited = ['set protocols bgp group IXP neighbor 10.0.12.2 peer-as 65002', 'set protocols bgp group IXP neighbor 10.0.12.2 authentication-key "********"', 'set protocols bgp group IXP neighbor 10.0.12.2 description hand-edited'].join('\n');
    const { job } = ok(await configureSession(operator, { sessionId: s.id, mode: 'now', config: edited }));
    expect(await run(job!)).toMatchObject({ status: 'succeeded' });
    expect(server.commands).toContain(`set protocols bgp group IXP neighbor 10.0.12.2 authentication-key "${MD5}"`);
    expect(server.commands).toContain('set protocols bgp group IXP neighbor 10.0.12.2 description hand-edited');
    const [push] = await listSessionPushes(db(), s.id);
    expect(push).toMatchObject({ status: 'succeeded', editedConfig: edited });
    expect(push.renderedConfig).toContain('10.0.12.2');
    expect(JSON.stringify(push)).not.toContain(MD5);
    expect(await status(s.id)).toMatchObject({ configStatus: 'configured' });
  });

  it('deleting a Configured peer session removes it on the router and keeps the record as Removed', async () => {
    const device = await junosDevice();
    server = device.server;
    const s = await addSession(device.router.id, '10.0.12.2', { configStatus: 'configured' });
    const removal = ok(await deleteSession(operator, { id: s.id }));
    expect(removal).toMatchObject({ id: s.id, removing: true, job: { status: 'scheduled' } });
    expect(await status(s.id)).toMatchObject({ configStatus: 'configuring' });
    expect(await run((removal as { job: { id: number } }).job)).toMatchObject({ status: 'succeeded' });
    expect(server.commands).toContain('delete protocols bgp group PD-PEER-V4 neighbor 10.0.12.2');
    expect(commits()).toBe(1);
    expect(await status(s.id)).toMatchObject({ configStatus: 'removed', removedAt: expect.any(Date) });
    expect((await listSessionPushes(db(), s.id)).map((p) => [p.operation, p.status])).toEqual([['remove', 'succeeded']]);
  });
});
