import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Router } from '@/db/schema';
import { driverFor, PushError, type NeighborSpec, type NeighborState, type PushPlan } from '@/lib/config/drivers';
import { connectRouter, controlCommandOf, type RouterConnection } from '@/lib/config/transport';
import { encryptSecret } from '@/lib/crypto/secrets';
import { routerRow } from '../support/router-fixture';
import { useTestDatabase } from '../support/test-database';

const need = ['LAB_FRR_VTY_SOCKET', 'LAB_FRR_CONFIG_DIR', 'LAB_BIRD_CTL', 'LAB_BIRD_PEERS_DIR', 'LAB_SSH_PORT', 'LAB_SSH_KEY'];
const missing = need.filter((n) => !process.env[n]);
if (missing.length) throw new Error(`BGP lab env missing (${missing.join(', ')}): start it with \`bash scripts/labs/bgp-lab.sh up && eval "$(bash scripts/labs/bgp-lab.sh env)"\``);
const env = process.env as Record<string, string>;

// SSH connections pin the host key in the routers table.
useTestDatabase();

const vtysh = `vtysh --vty_socket ${env.LAB_FRR_VTY_SOCKET} --config_dir ${env.LAB_FRR_CONFIG_DIR}`;
const birdc = `birdc -s ${env.LAB_BIRD_CTL}`;
const overSsh = { transport: 'ssh' as const, managementAddress: '127.0.0.1', sshPort: Number(env.LAB_SSH_PORT), username: 'root', privateKeyEnc: encryptSecret(readFileSync(env.LAB_SSH_KEY, 'utf8')) };

const r1Local = routerRow({ name: 'r1', platform: 'frr', transport: 'local', localAsn: 65001, controlCommand: vtysh });
const r1Ssh = routerRow({ name: 'r1-ssh', platform: 'frr', localAsn: 65001, controlCommand: vtysh, ...overSsh });
const r2Local = routerRow({ name: 'r2', platform: 'bird', transport: 'local', localAsn: 65002, controlCommand: birdc, peersDir: env.LAB_BIRD_PEERS_DIR });
const r2Ssh = routerRow({ name: 'r2-ssh', platform: 'bird', localAsn: 65002, controlCommand: birdc, peersDir: env.LAB_BIRD_PEERS_DIR, ...overSsh });

const frr = driverFor('frr');
const bird = driverFor('bird');

function neighbor(fields: Partial<NeighborSpec> & Pick<NeighborSpec, 'peerIp' | 'peerAsn' | 'localAsn'>): NeighborSpec {
  return {
    sessionId: 1,
    localIp: null,
    family: 4,
    peerGroup: null,
    description: null,
    md5: null,
    maxPrefixes: null,
    type: 'peer',
    adminDown: false,
    key: `pd_as${fields.peerAsn}_${fields.peerIp.replace(/[.:]/g, '_')}`,
    ...fields,
  };
}

/** What the built-in FRR template renders (peer group IXP, PEER-IN/PEER-OUT). */
const frrSection = (n: NeighborSpec) =>
  [
    'router bgp 65001',
    ` neighbor ${n.peerIp} remote-as ${n.peerAsn}`,
    ...(n.peerGroup ? [` neighbor ${n.peerIp} peer-group ${n.peerGroup}`] : []),
    ...(n.description ? [` neighbor ${n.peerIp} description ${n.description}`] : []),
    ...(n.md5 ? [` neighbor ${n.peerIp} password ${n.md5}`] : []),
    ' address-family ipv4 unicast',
    `  neighbor ${n.peerIp} activate`,
    ...(n.maxPrefixes ? [`  neighbor ${n.peerIp} maximum-prefix ${n.maxPrefixes}`] : []),
    `  neighbor ${n.peerIp} route-map PEER-IN in`,
    `  neighbor ${n.peerIp} route-map PEER-OUT out`,
    ' exit-address-family',
    'exit',
    '',
  ].join('\n');

/** What the built-in BIRD template renders (template IXP, PEER_IN/PEER_OUT). */
const birdSection = (n: NeighborSpec) =>
  [
    `protocol bgp ${n.key}${n.peerGroup ? ` from ${n.peerGroup}` : ''} {`,
    ...(n.description ? [`  description "${n.description}";`] : []),
    `  local ${n.localIp ? `${n.localIp} ` : ''}as ${n.localAsn};`,
    `  neighbor ${n.peerIp} as ${n.peerAsn};`,
    ...(n.md5 ? [`  password "${n.md5}";`] : []),
    '  ipv4 {',
    ...(n.maxPrefixes ? [`    import limit ${n.maxPrefixes} action restart;`] : []),
    '    import filter PEER_IN;',
    '    export filter PEER_OUT;',
    '  };',
    '}',
    '',
  ].join('\n');

const plan = (operation: PushPlan['operation'], neighbors: NeighborSpec[], render?: (n: NeighborSpec) => string): PushPlan => ({
  operation,
  neighbors,
  sections: render ? neighbors.map((n) => ({ sessionId: n.sessionId, text: render(n) })) : [],
});

/** Every command a connection runs, to count connections and commits. */
function recording(conn: RouterConnection) {
  const commands: string[] = [];
  const wrapped: RouterConnection = { ...conn, run: (c, s) => (commands.push(c), conn.run(c, s)) };
  return { conn: wrapped, commands };
}

async function withConn<T>(router: Router, work: (conn: RouterConnection) => Promise<T>) {
  const conn = await connectRouter(router, { timeoutMs: 20_000 });
  try {
    return await work(conn);
  } finally {
    await conn.close();
  }
}

async function timedPush(label: string, router: Router, driver = driverFor(router.platform), p: PushPlan) {
  const started = performance.now();
  const result = await withConn(router, (conn) => driver.push(conn, router, p));
  console.info(`${label}: ${Math.round(performance.now() - started)} ms`);
  return result;
}

const stateOf = (router: Router, n: NeighborSpec) =>
  withConn(router, async (conn) => (await driverFor(router.platform).states!(conn, router, [n]))[0]);

async function waitForState(router: Router, n: NeighborSpec, ok: (s: NeighborState) => boolean, ms = 30_000) {
  const until = Date.now() + ms;
  let last: NeighborState | undefined;
  while (Date.now() < until) {
    last = await stateOf(router, n);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${router.name} ${n.peerIp} never reached the expected state; last: ${JSON.stringify(last)}`);
}

const established = (s: NeighborState) => s.state === 'Established';

// r1 (FRR, AS65001) 10.0.13.1 <-> r2 (BIRD, AS65002) 10.0.13.2
const onFrr = neighbor({ sessionId: 11, peerIp: '10.0.13.2', peerAsn: 65002, localAsn: 65001, peerGroup: 'IXP', description: 'AS65002 drivers test', md5: 'wrong-key' });
const onBird = neighbor({ sessionId: 12, peerIp: '10.0.13.1', peerAsn: 65001, localAsn: 65002, localIp: '10.0.13.2', peerGroup: 'IXP', description: 'AS65001 drivers test', md5: 'dr1vers-md5' });

afterAll(async () => {
  await withConn(r1Local, (c) => frr.push(c, r1Local, plan('remove', [onFrr]))).catch(() => undefined);
  await withConn(r2Local, (c) => bird.push(c, r2Local, plan('remove', [onBird]))).catch(() => undefined);
});

describe('FRR and BIRD drivers against the BGP lab', () => {
  it('a wrong MD5 stays down; the same session with matching MD5 keys on both sides reaches Established', async () => {
    await timedPush('FRR push, 1 session, local', r1Local, frr, plan('configure', [onFrr], frrSection));
    await timedPush('BIRD push, 1 session, local', r2Local, bird, plan('configure', [onBird], birdSection));
    expect(readFileSync(`${env.LAB_BIRD_PEERS_DIR}/${onBird.key}.conf`, 'utf8')).toBe(birdSection(onBird));

    // 6 s: two connect-retry rounds of the IXP timers, and the peers still refuse each other.
    const until = Date.now() + 6_000;
    while (Date.now() < until) {
      expect((await stateOf(r1Local, onFrr)).state).not.toBe('Established');
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const down = await stateOf(r2Local, onBird);
    expect(down).toMatchObject({ peerIp: '10.0.13.1', uptimeSeconds: null, prefixesReceived: null });
    expect(down.state).not.toBe('Established');

    // The right key, pushed over SSH this time.
    const fixed = { ...onFrr, md5: onBird.md5 };
    await timedPush('FRR push, 1 session, SSH', r1Ssh, frr, plan('configure', [fixed], frrSection));
    // r2's two static routes through PEER_OUT
    const up = await waitForState(r1Local, fixed, (s) => established(s) && s.prefixesReceived === 2);
    expect(up).toMatchObject({ state: 'Established', maxPrefixTeardown: false, lastError: expect.any(String) });
    expect(up.uptimeSeconds).toBeGreaterThanOrEqual(0);
    const birdUp = await waitForState(r2Ssh, onBird, (s) => established(s) && s.prefixesReceived === 1);
    expect(birdUp).toMatchObject({ state: 'Established', prefixesReceived: 1, maxPrefixTeardown: false });

    // running() gives the lines of these neighbors only, in the shape the template renders.
    const running = await withConn(r1Local, (c) => frr.running(c, r1Local, [fixed]));
    expect(running).toContain(' neighbor 10.0.13.2 password dr1vers-md5');
    expect(running).toContain('  neighbor 10.0.13.2 route-map PEER-IN in');
    expect(running).not.toContain('10.0.12.2');
    expect(readFileSync(`${env.LAB_FRR_CONFIG_DIR}/frr.conf`, 'utf8')).toContain('neighbor 10.0.13.2 password dr1vers-md5'); // write memory, in the lab's own dir
    expect(await withConn(r2Ssh, (c) => bird.running(c, r2Ssh, [onBird]))).toBe(birdSection(onBird));
  });

  it('FRR refuses an invalid line with its own message and applies nothing', async () => {
    const bad = neighbor({ peerIp: '10.0.13.9', peerAsn: 65009, localAsn: 65001 });
    const text = 'router bgp 65001\n neighbor 10.0.13.9 remote-as 65009\n neighbor 10.0.13.9 bogus-option 5\nexit\n';
    const err = await withConn(r1Local, (c) => frr.push(c, r1Local, { operation: 'configure', neighbors: [bad], sections: [{ sessionId: 1, text }] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PushError);
    expect((err as PushError).message).toMatch(/Unknown command.*bogus-option/);
    expect(await withConn(r1Local, (c) => frr.running(c, r1Local, [bad]))).toBe('');

    // A line vtysh accepts but bgpd refuses: the half-applied neighbor is taken away again.
    const late = 'router bgp 65001\n neighbor 10.0.13.9 remote-as 65009\n neighbor 10.0.13.9 peer-group NO-SUCH-GROUP\nexit\n';
    const err2 = await withConn(r1Ssh, (c) => frr.push(c, r1Ssh, { operation: 'configure', neighbors: [bad], sections: [{ sessionId: 1, text: late }] })).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(PushError);
    expect((err2 as PushError).message).toContain('Configure the peer-group first');
    expect(await withConn(r1Local, (c) => frr.running(c, r1Local, [bad]))).toBe('');
  });

  it('BIRD refuses a syntax error with file:line:col, restores the previous file byte for byte and keeps running the old config', async () => {
    const file = `${env.LAB_BIRD_PEERS_DIR}/${onBird.key}.conf`;
    const before = readFileSync(file);
    const broken = birdSection(onBird).replace('import filter PEER_IN;', 'import filtre PEER_IN;');
    const fresh = neighbor({ sessionId: 13, peerIp: '10.0.13.3', peerAsn: 65003, localAsn: 65002 });
    const err = await withConn(r2Local, (c) =>
      bird.push(c, r2Local, { operation: 'configure', neighbors: [onBird, fresh], sections: [{ sessionId: 12, text: broken }, { sessionId: 13, text: birdSection(fresh) }] }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PushError);
    expect((err as PushError).message).toMatch(new RegExp(`${onBird.key}\\.conf:\\d+:\\d+ syntax error`));
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(() => readFileSync(`${env.LAB_BIRD_PEERS_DIR}/${fresh.key}.conf`)).toThrow(/ENOENT/);
    expect(await stateOf(r2Local, onBird)).toMatchObject({ state: 'Established' });
  });

  it('admin down shows the neighbor down on both daemons, admin up brings it back', async () => {
    const fixed = { ...onFrr, md5: onBird.md5 };
    await timedPush('FRR admin_down', r1Local, frr, plan('admin_down', [fixed]));
    expect(await waitForState(r1Local, fixed, (s) => s.state !== 'Established', 5_000)).toMatchObject({ state: 'Idle (Admin)', uptimeSeconds: null });
    await timedPush('FRR admin_up', r1Local, frr, plan('admin_up', [fixed]));
    await waitForState(r1Local, fixed, established);

    await timedPush('BIRD admin_down, SSH', r2Ssh, bird, plan('admin_down', [onBird]));
    expect(readFileSync(`${env.LAB_BIRD_PEERS_DIR}/${onBird.key}.conf`, 'utf8')).toContain('  disabled yes;');
    expect(await waitForState(r2Local, onBird, (s) => s.state !== 'Established', 5_000)).toMatchObject({ state: 'Idle' });
    expect((await waitForState(r1Local, fixed, (s) => s.state !== 'Established', 15_000)).state).not.toBe('Established');
    await timedPush('BIRD admin_up, SSH', r2Ssh, bird, plan('admin_up', [onBird]));
    expect(readFileSync(`${env.LAB_BIRD_PEERS_DIR}/${onBird.key}.conf`, 'utf8')).toBe(birdSection(onBird));
    await waitForState(r2Local, onBird, established);
  });

  it('detects a max-prefix teardown: r2 sends 2 routes, r1 allows 1', async () => {
    const limited = { ...onFrr, md5: onBird.md5, maxPrefixes: 1 };
    await timedPush('FRR push with maximum-prefix 1', r1Local, frr, plan('configure', [limited], frrSection));
    const torn = await waitForState(r1Local, limited, (s) => s.maxPrefixTeardown, 20_000);
    console.info('FRR after a max-prefix teardown:', JSON.stringify(torn));
    expect(torn.state).not.toBe('Established');
  });

  it('remove takes the neighbors away from both daemons', async () => {
    await timedPush('FRR remove', r1Ssh, frr, plan('remove', [onFrr]));
    expect(await stateOf(r1Local, onFrr)).toMatchObject({ state: 'Idle', lastError: 'Not configured on the router' });
    expect(await withConn(r1Local, (c) => frr.running(c, r1Local, [onFrr]))).toBe('');
    await timedPush('BIRD remove', r2Local, bird, plan('remove', [onBird]));
    expect(() => readFileSync(`${env.LAB_BIRD_PEERS_DIR}/${onBird.key}.conf`)).toThrow(/ENOENT/);
    expect(await stateOf(r2Local, onBird)).toMatchObject({ lastError: 'Not configured on the router' });
  });

  it('pushes 200 sessions to one FRR router in one connection and one commit', async () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      neighbor({ sessionId: 1000 + i, peerIp: `10.0.${30 + Math.floor(i / 100)}.${(i % 100) + 2}`, peerAsn: 65100 + i, localAsn: 65001, peerGroup: 'IXP', description: `AS${65100 + i} bulk`, md5: 'bulk' }),
    );
    for (const [label, router] of [
      ['local', r1Local],
      ['SSH', r1Ssh],
    ] as const) {
      let connections = 0;
      let commands: string[] = [];
      const started = performance.now();
      await withConn(router, async (conn) => {
        connections++;
        const rec = recording(conn);
        commands = rec.commands;
        await frr.push(rec.conn, router, plan('configure', many, frrSection));
      });
      const pushMs = Math.round(performance.now() - started);
      expect(connections).toBe(1);
      // one check, one apply (the commit), one save, nothing per session
      const cli = controlCommandOf(router);
      expect(commands.filter((c) => c.startsWith(`${cli} -f `))).toHaveLength(1);
      expect(commands.filter((c) => c.startsWith(`${cli} --dryrun -f `))).toHaveLength(1);
      expect(commands.length).toBeLessThanOrEqual(5);
      expect(commands.filter((c) => /write memory/.test(c))).toHaveLength(1);
      const states = await withConn(router, (c) => frr.states!(c, router, many));
      expect(states.filter((s) => !s.unrequested && s.lastError !== 'Not configured on the router')).toHaveLength(200);
      const removeStarted = performance.now();
      await withConn(router, (c) => frr.push(c, router, plan('remove', many)));
      console.info(`FRR 200 sessions over ${label}: push ${pushMs} ms (${commands.length} commands), remove ${Math.round(performance.now() - removeStarted)} ms`);
      expect(await withConn(router, (c) => frr.running(c, router, many))).toBe('');
    }
  });
});
