import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as routersRoute from '@/app/api/v1/routers/route';
import * as routerRoute from '@/app/api/v1/routers/[id]/route';
import * as testRoute from '@/app/api/v1/routers/[id]/test/route';
import { db } from '@/db/client';
import { auditLog, localAsns, routers } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/secrets';
import { createRouter, updateRouter } from '@/lib/routers/service';
import { testRouterConnection } from '@/lib/routers/test-connection';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { startScriptedSshServer, type ScriptedSshServer } from '../support/scripted-ssh-server';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const US = 64500;
const PASSWORD = 'router-secret-7f3a9c';
// 192.0.2.0/24 is TEST-NET-1: never contacted, so no host key is pinned, as for a router just added.
const ams1 = { name: 'ams-rtr1', hostname: 'ams-rtr1.example.net', managementAddress: '192.0.2.250', platform: 'frr', localAsn: US, username: 'peerdesk', password: PASSWORD };

let attacker: ScriptedSshServer | undefined;
beforeEach(async () => {
  await db().insert(localAsns).values({ asn: US });
});
afterEach(async () => {
  await attacker?.close();
  attacker = undefined;
});

async function adminRouter(input: Record<string, unknown> = {}) {
  const result = await createRouter(await makeUser('admin', `admin-${Math.random()}@example.test`), { ...ams1, ...input });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const stored = async (id: number) => (await db().select().from(routers).where(eq(routers.id, id)))[0];

describe('an Operator cannot run commands on a router host', () => {
  it('"id;vtysh" and other shell words are refused next to the field, on create and over the API', async () => {
    const operator = await makeUser('operator');
    for (const controlCommand of ['id;vtysh', 'vtysh $(id)', 'sh -c vtysh', 'vtysh -c "write terminal"', 'vtysh --vty_socket /run/../../etc']) {
      const result = await createRouter(operator, { ...ams1, controlCommand });
      expect(result, controlCommand).toMatchObject({ ok: false, error: { code: 'validation', fields: { controlCommand: expect.any(String) } } });
    }
    const token = await tokenFor(operator);
    const injected = await callRoute(routersRoute.POST, { method: 'POST', token, body: { ...ams1, controlCommand: 'id;vtysh' } });
    expect(injected).toMatchObject({ status: 400, json: { error: { fields: { controlCommand: expect.stringContaining('shell characters') } } } });
    expect(await db().select().from(routers)).toEqual([]);
  });

  it('a well-formed control command or peers directory still needs routers.trust over SSH, on create and on update', async () => {
    const operator = await makeUser('operator');
    const token = await tokenFor(operator);
    const safe = { controlCommand: 'vtysh --vty_socket /run/frr' };
    expect(await callRoute(routersRoute.POST, { method: 'POST', token, body: { ...ams1, ...safe } })).toMatchObject({
      status: 403,
      json: { error: { fields: { controlCommand: 'Only an Admin may set the control command: it runs on the router host' } } },
    });
    expect(await createRouter(operator, { ...ams1, platform: 'bird', peersDir: '/etc/bird/peers.d' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', fields: { peersDir: expect.stringContaining('Only an Admin') } },
    });

    const router = await adminRouter({ platform: 'bird', controlCommand: 'birdc -s /run/bird/bird.ctl', peersDir: '/etc/bird/peers.d' });
    const id = String(router.id);
    // Changing only these fields, over the API or the service.
    expect(await callRoute(routerRoute.PATCH, { method: 'PATCH', token, params: { id }, body: { controlCommand: 'birdc -s /tmp/evil.ctl' } })).toMatchObject({ status: 403 });
    expect(await updateRouter(operator, { id: router.id, peersDir: '/etc/cron.d' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await updateRouter(operator, { id: router.id, controlCommand: '' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The router form sends every field back unchanged: that is not a change.
    expect(await updateRouter(operator, { id: router.id, name: 'ams-bird', controlCommand: 'birdc -s /run/bird/bird.ctl', peersDir: '/etc/bird/peers.d' })).toMatchObject({ ok: true });
    expect(await stored(router.id)).toMatchObject({ controlCommand: 'birdc -s /run/bird/bird.ctl', peersDir: '/etc/bird/peers.d' });
  });

  it('an Admin sets the shapes the labs use; a command for the wrong platform or a relative peers directory is refused', async () => {
    const lab = await adminRouter({ controlCommand: 'sudo -n vtysh --vty_socket /tmp/peerdesk-bgp-lab/r1/run --config_dir /tmp/peerdesk-bgp-lab/r1' });
    expect(lab.controlCommand).toBe('sudo -n vtysh --vty_socket /tmp/peerdesk-bgp-lab/r1/run --config_dir /tmp/peerdesk-bgp-lab/r1');
    const admin = await makeUser('admin');
    expect(await updateRouter(admin, { id: lab.id, platform: 'bird' })).toMatchObject({ ok: false, error: { fields: { controlCommand: 'A BIRD router is reached with birdc, not vtysh' } } });
    expect(await updateRouter(admin, { id: lab.id, platform: 'junos' })).toMatchObject({ ok: false, error: { fields: { controlCommand: expect.stringContaining('Only FRR and BIRD') } } });
    expect(await updateRouter(admin, { id: lab.id, peersDir: 'peers.d' })).toMatchObject({ ok: false, error: { fields: { peersDir: expect.stringContaining('absolute path') } } });
    expect(await updateRouter(admin, { id: lab.id, peersDir: '/etc/bird/../cron.d' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('a control command stored before these rules is never run: Test refuses before connecting', async () => {
    attacker = await startScriptedSshServer({ prompt: '$ ', password: PASSWORD });
    const router = await adminRouter({ managementAddress: '127.0.0.1', sshPort: attacker.port });
    await db().update(routers).set({ controlCommand: 'id;vtysh' }).where(eq(routers.id, router.id));
    const result = await testRouterConnection(await makeUser('admin'), { id: router.id });
    expect(result).toMatchObject({ ok: true, data: { ok: false, kind: 'settings', message: expect.stringContaining('an Admin must correct it') } });
    expect(attacker.connections()).toBe(0);
    expect(attacker.commands).toEqual([]);
  });
});

describe('stored credentials never go to a host an Operator points the router at', () => {
  it('a new address or port drops the password and the pinned host key: Test never offers the old password to the new server', async () => {
    attacker = await startScriptedSshServer({ prompt: '$ ' });
    const router = await adminRouter();
    const operator = await makeUser('operator');

    const moved = await updateRouter(operator, { id: router.id, managementAddress: '127.0.0.1', sshPort: attacker.port });
    const test = await testRouterConnection(operator, { id: router.id });
    expect(attacker.passwordsTried).toEqual([]);
    expect(attacker.connections()).toBe(0);
    expect(moved).toMatchObject({ ok: true, data: { hasPassword: false, hasPrivateKey: false } });
    expect(test).toMatchObject({ ok: true, data: { ok: false, kind: 'settings', message: 'No SSH password or private key is set for ams-rtr1: add one in its settings.' } });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'router.update'));
    expect(audit.details).toMatchObject({ credentials: ['stored credentials and host key dropped: new host'] });
  });

  it('the hostname alone counts as a new host, and the pinned key goes too; new credentials in the same change are kept', async () => {
    const router = await adminRouter();
    await db().update(routers).set({ hostKey: 'SHA256:pinned', pendingHostKey: 'SHA256:held' }).where(eq(routers.id, router.id));
    const operator = await makeUser('operator');
    expect(await updateRouter(operator, { id: router.id, hostname: 'evil.example.net' })).toMatchObject({ ok: true, data: { hasPassword: false, hostKey: null, pendingHostKey: null } });
    const again = await updateRouter(operator, { id: router.id, hostname: 'ams-rtr1.example.net', password: 'typed-again' });
    expect(again).toMatchObject({ ok: true, data: { hasPassword: true } });
    expect(decryptSecret((await stored(router.id)).passwordEnc!)).toBe('typed-again');
  });

  it('an Admin (routers.trust) may move a router with its credentials and pinned key', async () => {
    const router = await adminRouter();
    await db().update(routers).set({ hostKey: 'SHA256:pinned' }).where(eq(routers.id, router.id));
    const moved = await updateRouter(await makeUser('admin'), { id: router.id, managementAddress: '192.0.2.251', sshPort: 2222 });
    expect(moved).toMatchObject({ ok: true, data: { hasPassword: true, hostKey: 'SHA256:pinned' } });
  });
});

describe('Test connection is not a port scanner', () => {
  it('an Operator learns only "Could not connect"; an Admin sees what happened; the audit log keeps it', async () => {
    const router = await adminRouter({ managementAddress: '127.0.0.1', sshPort: 1 });
    const operatorToken = await tokenFor(await makeUser('operator'));
    const refused = await callRoute(testRoute.POST, { method: 'POST', token: operatorToken, params: { id: String(router.id) } });
    expect(refused).toMatchObject({ status: 200, json: { ok: false, message: 'Could not connect to ams-rtr1' } });
    expect(JSON.stringify(refused.json)).not.toMatch(/refused|unreachable|127\.0\.0\.1|timed out/i);
    expect((await stored(router.id)).lastContactResult).toBe('failed: Could not connect to ams-rtr1');
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'router.test'));
    expect(audits[0].details).toMatchObject({ kind: 'unreachable', message: expect.stringContaining('Connection refused by 127.0.0.1:1') });

    const admin = await testRouterConnection(await makeUser('admin'), { id: router.id });
    expect(admin).toMatchObject({ ok: true, data: { kind: 'unreachable', message: expect.stringContaining('Connection refused') } });
  });

  it('a wrong password or an unknown host key is the same sentence for an Operator', async () => {
    attacker = await startScriptedSshServer({ prompt: '$ ', password: 'another-password' });
    const operator = await makeUser('operator');
    const router = await adminRouter({ managementAddress: '127.0.0.1', sshPort: attacker.port });
    expect(await testRouterConnection(operator, { id: router.id })).toEqual({ ok: true, data: { ok: false, message: 'Could not connect to ams-rtr1' } });
    await db().update(routers).set({ hostKey: 'SHA256:someone-else' }).where(eq(routers.id, router.id));
    expect(await testRouterConnection(operator, { id: router.id })).toEqual({ ok: true, data: { ok: false, message: 'Could not connect to ams-rtr1' } });
  });
});
