import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as routersRoute from '@/app/api/v1/routers/route';
import * as routerRoute from '@/app/api/v1/routers/[id]/route';
import * as testRoute from '@/app/api/v1/routers/[id]/test/route';
import * as acceptRoute from '@/app/api/v1/routers/[id]/accept-host-key/route';
import * as peerGroupsRoute from '@/app/api/v1/routers/[id]/peer-groups/route';
import * as peerGroupRoute from '@/app/api/v1/peer-groups/[id]/route';
import { db } from '@/db/client';
import { listPeerGroups, listRouters } from '@/db/queries/routers';
import { bgpSessions, localAsns, pdbExchanges, pdbNetIxlans, routers, settings } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/secrets';
import { createPeerGroup, deletePeerGroup } from '@/lib/routers/peer-groups';
import { acceptHostKey, createRouter, deleteRouter, updateRouter } from '@/lib/routers/service';
import { testRouterConnection } from '@/lib/routers/test-connection';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';
import { sshKeyPair } from '../support/ssh-keys';

useTestDatabase();

const US = 64500;
const AMS = 26;
const LON = 42;
const PASSWORD = 'router-secret-7f3a9c';
const PRIVATE_KEY = sshKeyPair().private;

const ams1 = { name: 'ams-rtr1', hostname: 'ams-rtr1.example.net', managementAddress: '192.0.2.250', platform: 'frr', localAsn: US, username: 'peerdesk' };

beforeEach(async () => {
  await db().insert(localAsns).values({ asn: US });
  await db().insert(pdbExchanges).values([
    { id: AMS, name: 'AMS-EX', city: 'Amsterdam', country: 'NL' },
    { id: LON, name: 'LON-EX', city: 'London', country: 'GB' },
  ]);
  // We are at AMS-EX only; LON-EX has only other networks.
  await db().insert(pdbNetIxlans).values([
    { id: 1, netId: 1000, ixId: AMS, ixlanId: 126, asn: US, ipaddr4: '192.0.2.1' },
    { id: 2, netId: 1001, ixId: LON, ixlanId: 142, asn: 64501, ipaddr4: '203.0.113.10' },
  ]);
});

async function addRouter(input: Record<string, unknown> = ams1) {
  const result = await createRouter(await makeUser('operator', `op-${Math.random()}@example.test`), input);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function addSession(routerId: number, peerGroupId?: number) {
  await db().insert(bgpSessions).values({ routerId, peerGroupId, ixId: AMS, localAsn: US, peerAsn: 64501, peerIp: '192.0.2.10' });
}

describe('adding and changing routers', () => {
  it('says next to each field what is wrong with it', async () => {
    const operator = await makeUser('operator');
    const bad = await createRouter(operator, { name: ' ', hostname: 'not a host!', managementAddress: '10.0.0.300', sshPort: 70_000, platform: 'cisco', transport: 'telnet', localAsn: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!bad.ok && bad.error.fields).toEqual({
      name: 'Name the router',
      hostname: 'Enter a hostname (r1.example.net) or an IP address',
      managementAddress: 'Enter a hostname (r1.example.net) or an IP address',
      sshPort: 'A port from 1 to 65535',
      platform: 'Choose a platform',
      transport: 'SSH, local or render only',
      localAsn: 'Choose a local ASN',
    });

    await addRouter();
    const rules = await createRouter(operator, { ...ams1, name: 'AMS-RTR1', localAsn: 64999, vrf: 'PEERING', privateKey: 'not a key' });
    expect(!rules.ok && rules.error.fields).toEqual({
      name: 'A router with this name already exists',
      localAsn: 'Choose one of your local ASNs (AS64500)',
      vrf: 'VRF support is off: turn it on in Peering settings first',
      privateKey: expect.stringMatching(/^Not a private key Peerdesk can use/),
    });
  });

  it('accepts hostnames, IPv4 and IPv6 addresses, and a VRF once VRF support is on', async () => {
    await db().insert(settings).values({ key: 'vrfSupport', value: true });
    const router = await addRouter({ ...ams1, hostname: '2001:db8::1', managementAddress: 'mgmt.ams-rtr1.example.net', vrf: 'PEERING', sshPort: '2222' });
    expect(router).toMatchObject({ hostname: '2001:db8::1', managementAddress: 'mgmt.ams-rtr1.example.net', vrf: 'PEERING', sshPort: 2222, transport: 'ssh' });
  });

  it('refuses a router for a local ASN when no local ASN is set', async () => {
    await db().delete(localAsns);
    const result = await createRouter(await makeUser('operator'), ams1);
    expect(!result.ok && result.error.fields).toEqual({ localAsn: 'Set your local ASNs in Peering settings first' });
  });

  it('stores credentials only encrypted: an empty field keeps them, null removes them', async () => {
    const router = await addRouter({ ...ams1, password: PASSWORD, privateKey: PRIVATE_KEY });
    expect(router).toMatchObject({ hasPassword: true, hasPrivateKey: true });
    const [row] = await db().select().from(routers).where(eq(routers.id, router.id));
    expect(row.passwordEnc).toMatch(/^v1\./);
    expect(row.passwordEnc).not.toContain(PASSWORD);
    expect(decryptSecret(row.passwordEnc!)).toBe(PASSWORD);
    expect(decryptSecret(row.privateKeyEnc!)).toBe(PRIVATE_KEY.trim());

    const operator = await makeUser('operator');
    const kept = await updateRouter(operator, { id: router.id, name: 'ams-rtr1-renamed', password: '', privateKey: '' });
    expect(kept).toMatchObject({ ok: true, data: { name: 'ams-rtr1-renamed', hasPassword: true, hasPrivateKey: true, managementAddress: '192.0.2.250' } });
    const [same] = await db().select().from(routers).where(eq(routers.id, router.id));
    expect(same.passwordEnc).toBe(row.passwordEnc);

    const cleared = await updateRouter(await makeUser('admin'), { id: router.id, password: null, managementAddress: '' });
    expect(cleared).toMatchObject({ ok: true, data: { hasPassword: false, hasPrivateKey: true, managementAddress: null } });
  });

  it('lets only an Admin set up a local router, whose commands run on the Peerdesk server', async () => {
    const operator = await makeUser('operator');
    const refused = await createRouter(operator, { ...ams1, transport: 'local', controlCommand: 'vtysh' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', fields: { transport: expect.stringContaining('Only an Admin') } } });
    const local = await createRouter(await makeUser('admin'), { ...ams1, transport: 'local', controlCommand: 'vtysh' });
    expect(local).toMatchObject({ ok: true, data: { transport: 'local' } });
    const id = local.ok ? local.data.id : 0;
    expect(await updateRouter(operator, { id, hostname: 'localhost' })).toMatchObject({ ok: true });
    expect(await updateRouter(operator, { id, controlCommand: 'vtysh --vty_socket /run/frr' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lists routers filtered and paginated, with their session counts', async () => {
    const a = await addRouter();
    await addRouter({ ...ams1, name: 'fra-rtr1', hostname: 'fra-rtr1.example.net', platform: 'bird' });
    await addSession(a.id);
    const all = await listRouters(db(), { limit: 10, offset: 0 });
    expect(all.map((r) => [r.name, r.sessions])).toEqual([['ams-rtr1', 1], ['fra-rtr1', 0]]);
    expect((await listRouters(db(), { q: 'BIRD', limit: 10, offset: 0 })).map((r) => r.name)).toEqual(['fra-rtr1']);
    expect((await listRouters(db(), { limit: 1, offset: 1 })).map((r) => r.name)).toEqual(['fra-rtr1']);
  });
});

describe('deleting routers', () => {
  it('is refused while the router has sessions, saying how many', async () => {
    const router = await addRouter();
    await addSession(router.id);
    const operator = await makeUser('operator');
    expect(await deleteRouter(operator, { id: router.id })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This router has 1 session: delete or move them first', fields: undefined },
    });
    await db().update(bgpSessions).set({ removedAt: new Date() });
    expect(await deleteRouter(operator, { id: router.id })).toEqual({ ok: true, data: { id: router.id } });
    expect(await db().select().from(routers)).toEqual([]);
  });
});

describe('peer groups', () => {
  it('face an exchange where we are present, once per name and family, and show their sessions', async () => {
    const router = await addRouter();
    const operator = await makeUser('operator');
    const v4 = await createPeerGroup(operator, { routerId: router.id, ixId: AMS, name: 'IXP', family: '4' });
    expect(v4).toMatchObject({ ok: true, data: { name: 'IXP', family: 4, exchangeName: 'AMS-EX' } });
    expect(await createPeerGroup(operator, { routerId: router.id, ixId: AMS, name: 'IXP', family: 6 })).toMatchObject({ ok: true });
    const dup = await createPeerGroup(operator, { routerId: router.id, ixId: AMS, name: 'IXP', family: 4 });
    expect(!dup.ok && dup.error.fields).toEqual({ name: 'ams-rtr1 already has an IPv4 peer group named IXP' });
    const elsewhere = await createPeerGroup(operator, { routerId: router.id, ixId: LON, name: 'LON', family: 4 });
    expect(!elsewhere.ok && elsewhere.error.fields).toEqual({ ixId: 'Choose an exchange where one of your ASNs is present' });
    const invalid = await createPeerGroup(operator, { routerId: router.id, ixId: '', name: 'two words', family: 5 });
    expect(!invalid.ok && invalid.error.fields).toEqual({ ixId: 'Choose an exchange', name: 'Letters, digits and . _ : - only, as on the router', family: 'IPv4 or IPv6' });

    const groupId = v4.ok ? v4.data.id : 0;
    await addSession(router.id, groupId);
    expect((await listPeerGroups(db(), router.id)).map((g) => [g.exchangeName, g.name, g.family, g.sessions])).toEqual([
      ['AMS-EX', 'IXP', 4, 1],
      ['AMS-EX', 'IXP', 6, 0],
    ]);
    expect(await deletePeerGroup(operator, { id: groupId })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '1 session uses this peer group: move or delete it first' },
    });
    await db().delete(bgpSessions);
    expect(await deletePeerGroup(operator, { id: groupId })).toEqual({ ok: true, data: { id: groupId } });
  });
});

describe('roles', () => {
  it('a Viewer may not change routers; an Operator may; only Admins accept a changed host key', async () => {
    const viewer = await makeUser('viewer');
    expect(await createRouter(viewer, ams1)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const router = await addRouter();
    expect(await testRouterConnection(viewer, { id: router.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await db().update(routers).set({ hostKey: 'SHA256:old', pendingHostKey: 'SHA256:new' });

    expect(await acceptHostKey(await makeUser('operator'), { id: router.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const accepted = await acceptHostKey(await makeUser('admin'), { id: router.id });
    expect(accepted).toMatchObject({ ok: true, data: { hostKey: 'SHA256:new', pendingHostKey: null } });
    expect(await acceptHostKey(await makeUser('global_admin'), { id: router.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('Test connection', () => {
  it('reports a refused connection quickly to an Admin and records it as the last contact', async () => {
    const router = await addRouter({ ...ams1, managementAddress: '127.0.0.1', sshPort: 1, password: PASSWORD });
    const started = Date.now();
    const result = await testRouterConnection(await makeUser('admin'), { id: router.id });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result).toMatchObject({ ok: true, data: { ok: false, kind: 'unreachable', message: 'Connection refused by 127.0.0.1:1: nothing accepts SSH connections on that port.' } });
    const [row] = await db().select().from(routers);
    expect(row.lastContactAt).toBeInstanceOf(Date);
    expect(row.lastContactResult).toBe('failed: Connection refused by 127.0.0.1:1: nothing accepts SSH connections on that port.');
  });

  it('says which credential is missing before trying', async () => {
    const router = await addRouter({ ...ams1, username: '' });
    const result = await testRouterConnection(await makeUser('operator'), { id: router.id });
    expect(result).toMatchObject({ ok: true, data: { ok: false, kind: 'settings', message: 'No SSH user is set for ams-rtr1: add one in its settings.' } });
  });
});

describe('/api/v1/routers', () => {
  it('never returns a credential, in any response', async () => {
    const operator = await makeUser('operator');
    const token = await tokenFor(operator);
    const created = await callRoute(routersRoute.POST, { method: 'POST', token, body: { ...ams1, managementAddress: '127.0.0.1', sshPort: 1, password: PASSWORD, privateKey: PRIVATE_KEY } });
    expect(created).toMatchObject({ status: 201, json: { name: 'ams-rtr1', hasPassword: true, hasPrivateKey: true } });
    const id = String(created.json.id);
    const [row] = await db().select().from(routers);
    const responses = [
      created,
      await callRoute(routersRoute.GET, { path: '/routers', token }),
      await callRoute(routerRoute.GET, { token, params: { id } }),
      await callRoute(routerRoute.PATCH, { method: 'PATCH', token, params: { id }, body: { password: `${PASSWORD}-2`, description: 'ignored' } }),
      await callRoute(testRoute.POST, { method: 'POST', token, params: { id } }),
    ];
    const [row2] = await db().select().from(routers);
    for (const { status, json } of responses) {
      expect(status).toBeLessThan(300);
      const text = JSON.stringify(json);
      for (const secret of [PASSWORD, 'router-secret', PRIVATE_KEY.split('\n')[1], row.passwordEnc!, row2.passwordEnc!, row.privateKeyEnc!]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/passwordEnc|privateKeyEnc|password_enc/);
    }
    expect(decryptSecret(row2.passwordEnc!)).toBe(`${PASSWORD}-2`);
  });

  it('answers with the service rules: 400 with fields, 403 by role, 404, 409', async () => {
    const viewerToken = await tokenFor(await makeUser('viewer'));
    const operatorToken = await tokenFor(await makeUser('operator'));
    const adminToken = await tokenFor(await makeUser('admin'));
    expect(await callRoute(routersRoute.POST, { method: 'POST', token: viewerToken, body: ams1 })).toMatchObject({ status: 403 });
    const invalid = await callRoute(routersRoute.POST, { method: 'POST', token: operatorToken, body: { ...ams1, sshPort: 0 } });
    expect(invalid).toMatchObject({ status: 400, json: { error: { code: 'validation', fields: { sshPort: 'A port from 1 to 65535' } } } });
    const created = await callRoute(routersRoute.POST, { method: 'POST', token: operatorToken, body: ams1 });
    const id = String(created.json.id);
    expect(await callRoute(routerRoute.GET, { token: viewerToken, params: { id: '999' } })).toMatchObject({ status: 404 });
    expect(await callRoute(routersRoute.GET, { path: '/routers?q=ams', token: viewerToken })).toMatchObject({ status: 200, json: { data: [{ name: 'ams-rtr1', sessions: 0 }], next: null } });

    const group = await callRoute(peerGroupsRoute.POST, { method: 'POST', token: operatorToken, params: { id }, body: { ixId: AMS, name: 'IXP', family: 4 } });
    expect(group).toMatchObject({ status: 201, json: { name: 'IXP', family: 4, exchangeName: 'AMS-EX' } });
    const dup = await callRoute(peerGroupsRoute.POST, { method: 'POST', token: operatorToken, params: { id }, body: { ixId: AMS, name: 'IXP', family: 4 } });
    expect(dup).toMatchObject({ status: 400, json: { error: { fields: { name: 'ams-rtr1 already has an IPv4 peer group named IXP' } } } });
    expect(await callRoute(peerGroupsRoute.GET, { token: viewerToken, params: { id } })).toMatchObject({ status: 200, json: { data: [{ name: 'IXP', sessions: 0 }] } });
    await addSession(Number(id), Number(group.json.id));
    expect(await callRoute(peerGroupRoute.DELETE, { method: 'DELETE', token: operatorToken, params: { id: String(group.json.id) } })).toMatchObject({ status: 409 });
    expect(await callRoute(routerRoute.DELETE, { method: 'DELETE', token: operatorToken, params: { id } })).toMatchObject({
      status: 409,
      json: { error: { message: 'This router has 1 session: delete or move them first' } },
    });
    expect(await callRoute(routerRoute.DELETE, { method: 'DELETE', token: viewerToken, params: { id } })).toMatchObject({ status: 403 });

    await db().update(routers).set({ hostKey: 'SHA256:old', pendingHostKey: 'SHA256:new' });
    expect(await callRoute(acceptRoute.POST, { method: 'POST', token: operatorToken, params: { id } })).toMatchObject({ status: 403 });
    expect(await callRoute(acceptRoute.POST, { method: 'POST', token: adminToken, params: { id } })).toMatchObject({ status: 200, json: { hostKey: 'SHA256:new', pendingHostKey: null } });
  });
});
