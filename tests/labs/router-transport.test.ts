import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { findRouterForConnection } from '@/db/queries/routers';
import { localAsns, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { connectRouter, RouterConnectionError } from '@/lib/config/transport';
import { acceptHostKey, createRouter } from '@/lib/routers/service';
import { testRouterConnection } from '@/lib/routers/test-connection';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';
import { labEnv } from '../support/lab-env';
import { sshKeyPair } from '../support/ssh-keys';

const env = labEnv(['LAB_DIR', 'LAB_FRR_VTY_SOCKET', 'LAB_FRR_CONFIG_DIR', 'LAB_BIRD_CTL', 'LAB_SSH_PORT', 'LAB_SSH_KEY', 'LAB_SSH_HOSTKEY_PUB', 'LAB_SSH_USER']);

useTestDatabase();

const vtysh = `vtysh --vty_socket ${env.LAB_FRR_VTY_SOCKET} --config_dir ${env.LAB_FRR_CONFIG_DIR}`;
const birdc = `birdc -s ${env.LAB_BIRD_CTL}`;
const overSsh = { hostname: 'lab.example.net', managementAddress: '127.0.0.1', sshPort: Number(env.LAB_SSH_PORT), username: env.LAB_SSH_USER, privateKey: readFileSync(env.LAB_SSH_KEY, 'utf8'), localAsn: 65001 };

/** The lab host key's fingerprint as OpenSSH itself prints it. */
async function labHostKey() {
  const { stdout } = await promisify(execFile)('ssh-keygen', ['-lf', env.LAB_SSH_HOSTKEY_PUB]);
  return stdout.split(' ')[1];
}

let admin: Actor;
beforeEach(async () => {
  await db().insert(localAsns).values({ asn: 65001 });
  admin = await makeUser('admin');
});

async function addRouter(input: Record<string, unknown>) {
  const result = await createRouter(admin, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function test(routerId: number) {
  const result = await testRouterConnection(admin, { id: routerId });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const storedRouter = async (id: number) => (await db().select().from(routers).where(eq(routers.id, id)))[0];

describe('Test connection against the BGP lab', () => {
  it('reaches FRR over SSH, reports its version line and pins the host key', async () => {
    const router = await addRouter({ ...overSsh, name: 'r1', platform: 'frr', controlCommand: vtysh });
    const outcome = await test(router.id);
    console.info(`FRR over SSH: connect ${outcome.connectMs} ms, show version ${outcome.commandMs} ms`);
    expect(outcome).toMatchObject({ ok: true, message: expect.stringMatching(/^FRRouting \d+\.\d+/) });
    const row = await storedRouter(router.id);
    expect(row).toMatchObject({ hostKey: await labHostKey(), pendingHostKey: null, lastContactResult: `ok: ${outcome.message}` });
  });

  it('reaches BIRD through the same sshd and reports its version', async () => {
    const router = await addRouter({ ...overSsh, name: 'r2', platform: 'bird', controlCommand: birdc });
    const outcome = await test(router.id);
    console.info(`BIRD over SSH: connect ${outcome.connectMs} ms, show status ${outcome.commandMs} ms`);
    expect(outcome).toMatchObject({ ok: true, message: expect.stringMatching(/^BIRD 2\.\d+/) });
  });

  it('says authentication failed for a wrong key or a wrong password', async () => {
    const wrongKey = await addRouter({ ...overSsh, name: 'wrong-key', platform: 'frr', controlCommand: vtysh, privateKey: sshKeyPair().private });
    expect(await test(wrongKey.id)).toMatchObject({
      ok: false,
      kind: 'auth',
      message: `Authentication failed for root@127.0.0.1:${env.LAB_SSH_PORT}: the router refused the private key.`,
    });
    const wrongPassword = await addRouter({ ...overSsh, name: 'wrong-password', platform: 'frr', privateKey: undefined, password: 'not-the-password' });
    expect(await test(wrongPassword.id)).toMatchObject({ ok: false, kind: 'auth', message: expect.stringMatching(/^Authentication failed for root@.*the router refused the password\.$/) });
  });

  it('says quickly when nothing listens on the port', async () => {
    const router = await addRouter({ ...overSsh, name: 'closed', platform: 'frr', sshPort: 1 });
    const started = performance.now();
    expect(await test(router.id)).toMatchObject({ ok: false, kind: 'unreachable', message: 'Connection refused by 127.0.0.1:1: nothing accepts SSH connections on that port.' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a changed host key until an admin accepts it', async () => {
    const router = await addRouter({ ...overSsh, name: 'r1', platform: 'frr', controlCommand: vtysh });
    expect(await test(router.id)).toMatchObject({ ok: true });
    const real = await labHostKey();
    const other = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    await db().update(routers).set({ hostKey: other }).where(eq(routers.id, router.id));

    const refused = await test(router.id);
    expect(refused).toMatchObject({ ok: false, kind: 'host_key_mismatch' });
    expect(refused.message).toContain(`expected ${other}, received ${real}`);
    expect(refused.message).toContain('an admin must accept the new key');
    expect(await storedRouter(router.id)).toMatchObject({ hostKey: other, pendingHostKey: real, lastContactResult: `failed: ${refused.message}` });

    expect(await acceptHostKey(admin, { id: router.id })).toMatchObject({ ok: true, data: { hostKey: real, pendingHostKey: null } });
    expect(await test(router.id)).toMatchObject({ ok: true, message: expect.stringMatching(/^FRRouting/) });
  });

  it('pins nothing when told not to, and pins a changed key when told to trust it', async () => {
    const router = await addRouter({ ...overSsh, name: 'r1', platform: 'frr', controlCommand: vtysh });
    const refused = await connectRouter(
      (await findRouterForConnection(db(), router.id))!,
      { trustNewHostKey: false },
    ).catch((err: unknown) => err);
    expect(refused).toMatchObject({ kind: 'host_key_unknown', message: expect.stringContaining('an admin must accept this key') });
    expect(await storedRouter(router.id)).toMatchObject({ hostKey: null, pendingHostKey: await labHostKey() });

    await db().update(routers).set({ hostKey: 'SHA256:old', pendingHostKey: null }).where(eq(routers.id, router.id));
    const trusted = await connectRouter((await findRouterForConnection(db(), router.id))!, { trustNewHostKey: true });
    await trusted.close();
    expect(await storedRouter(router.id)).toMatchObject({ hostKey: await labHostKey(), pendingHostKey: null });
  });

  it('runs the lab vtysh directly for a local router', async () => {
    const router = await addRouter({ name: 'r1-local', hostname: 'localhost', platform: 'frr', transport: 'local', controlCommand: vtysh, localAsn: 65001 });
    const outcome = await test(router.id);
    console.info(`FRR local: show version ${outcome.commandMs} ms`);
    expect(outcome).toMatchObject({ ok: true, message: expect.stringMatching(/^FRRouting \d+\.\d+/) });
    expect((await storedRouter(router.id)).hostKey).toBeNull();
  });
});

describe('one connection for a piece of work', () => {
  const work = async (routerId: number) => {
    const router = (await findRouterForConnection(db(), routerId))!;
    const connection = await connectRouter(router, { timeoutMs: 3_000 });
    const path = `${env.LAB_DIR}/transport-${router.transport}.txt`;
    try {
      const neighbors = await connection.run(`${vtysh} -c 'show bgp neighbors json'`);
      const piped = await connection.run('tr a-z A-Z', 'peer group IXP\n');
      const failed = await connection.run('exit 3');
      await connection.writeFile(path, 'neighbor 10.0.13.2\n');
      const read = await connection.readFile(path);
      const missing = await connection.readFile(`${env.LAB_DIR}/no-such-file`);
      const slow = await connection.run('sleep 10').catch((err: unknown) => err);
      return { neighbors: JSON.parse(neighbors.stdout), piped, failed, read, missing, slow };
    } finally {
      await connection.close();
    }
  };

  const expectWorkDone = (done: Awaited<ReturnType<typeof work>>) => {
    expect(done.neighbors['10.0.12.2']).toMatchObject({ bgpState: 'Established', remoteAs: 65002 });
    expect(done.piped).toEqual({ stdout: 'PEER GROUP IXP\n', stderr: '', code: 0 });
    expect(done.failed.code).toBe(3);
    expect(done.read).toBe('neighbor 10.0.13.2\n');
    expect(done.missing).toBeNull();
    expect(done.slow).toBeInstanceOf(RouterConnectionError);
    expect(done.slow).toMatchObject({ kind: 'timeout', message: expect.stringContaining('"sleep 10" did not finish') });
  };

  it('over SSH: commands with stdin and exit codes, files over SFTP, a hard timeout per command', async () => {
    const router = await addRouter({ ...overSsh, name: 'r1', platform: 'frr', controlCommand: vtysh });
    expectWorkDone(await work(router.id));
  });

  it('locally, the same', async () => {
    const router = await addRouter({ name: 'r1-local', hostname: 'localhost', platform: 'frr', transport: 'local', controlCommand: vtysh, localAsn: 65001 });
    expectWorkDone(await work(router.id));
  });
});
