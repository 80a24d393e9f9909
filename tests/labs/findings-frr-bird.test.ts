import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bgpSessions, findings, routers, sessionStateChanges, type Job } from '@/db/schema';
import { driverFor, type NeighborSpec, type PushPlan } from '@/lib/config/drivers';
import { bgpPollKind } from '@/lib/config/poll';
import { connectRouter } from '@/lib/config/transport';
import { fixFindings } from '@/lib/findings/fix';
import { labEnv } from '../support/lab-env';
import { makeUser } from '../support/actors';
import { routerRow } from '../support/router-fixture';
import { useTestDatabase } from '../support/test-database';

const env = labEnv(['LAB_FRR_VTY_SOCKET', 'LAB_FRR_CONFIG_DIR', 'LAB_BIRD_CTL', 'LAB_BIRD_PEERS_DIR']);
useTestDatabase();

const vtysh = `vtysh --vty_socket ${env.LAB_FRR_VTY_SOCKET} --config_dir ${env.LAB_FRR_CONFIG_DIR}`;
const r2 = routerRow({ name: 'r2', platform: 'bird', transport: 'local', localAsn: 65002, controlCommand: `birdc -s ${env.LAB_BIRD_CTL}`, peersDir: env.LAB_BIRD_PEERS_DIR });
// r1 <-> r2 on the lab's free 10.0.13.0/24; r2 announces its two static routes, r1 allows one.
const PEER_IP = '10.0.13.2';
const BY_HAND = '10.0.13.99';
const onBird: NeighborSpec = {
  sessionId: 1, peerIp: '10.0.13.1', peerAsn: 65001, localAsn: 65002, localIp: PEER_IP, family: 4, peerGroup: 'IXP', description: null, md5: null, maxPrefixes: null, type: 'peer', adminDown: false, key: 'pd_as65001_10_0_13_1',
};
const birdText = [`protocol bgp ${onBird.key} from IXP {`, `  local ${PEER_IP} as 65002;`, '  neighbor 10.0.13.1 as 65001;', '  ipv4 {', '    import filter PEER_IN;', '    export filter PEER_OUT;', '  };', '}', ''].join('\n');
const birdPlan = (operation: PushPlan['operation']): PushPlan => ({ operation, neighbors: [onBird], sections: operation === 'configure' ? [{ sessionId: 1, text: birdText }] : [] });

async function onRouter<T>(
  router: Parameters<typeof connectRouter>[0],
  work: (conn: Awaited<ReturnType<typeof connectRouter>>) => Promise<T>,
) {
  const conn = await connectRouter(router, { timeoutMs: 20_000 });
  try {
    return await work(conn);
  } finally {
    await conn.close();
  }
}
const frrCommand = (router: typeof r2, ...lines: string[]) => onRouter(router, (c) => c.run(`${vtysh} -c 'configure terminal' ${lines.map((l) => `-c '${l}'`).join(' ')}`));

/** The scheduled poll, run here: states stored, the router's neighbors recorded, findings recomputed. */
const poll = () =>
  bgpPollKind.run({
    job: { id: 0 } as Job,
    payload: {},
    progress: () => undefined,
    log: () => undefined,
    signal: new AbortController().signal,
  });

async function until<T>(what: string, read: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what} never happened`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

let r1: typeof r2;
afterAll(async () => {
  if (r1) await frrCommand(r1, 'router bgp 65001', `no neighbor ${PEER_IP}`, `no neighbor ${BY_HAND}`).catch(() => undefined);
  if (r1) await onRouter(r1, (c) => c.run(`${vtysh} -c 'write memory'`)).catch(() => undefined);
  await onRouter(r2, (c) => driverFor('bird').push(c, r2, birdPlan('remove'))).catch(() => undefined);
});

describe('findings from the BGP poll, against the lab routers', () => {
  it('classifies a max-prefix teardown, and shows a neighbor added on the router by hand as on_router_only until it is imported', async () => {
    [r1] = await db().insert(routers).values({ name: 'r1', hostname: 'r1.lab', platform: 'frr', transport: 'local', localAsn: 65001, controlCommand: vtysh }).returning();
    const [session] = await db()
      .insert(bgpSessions)
      .values({ routerId: r1.id, localAsn: 65001, peerAsn: 65002, peerIp: PEER_IP, maxPrefixes: 1, configStatus: 'configured' })
      .returning();
    await onRouter(r2, (c) => driverFor('bird').push(c, r2, birdPlan('configure')));
    await frrCommand(
      r1,
      'router bgp 65001',
      `neighbor ${PEER_IP} remote-as 65002`,
      `neighbor ${PEER_IP} peer-group IXP`,
      'address-family ipv4 unicast',
      `neighbor ${PEER_IP} activate`,
      `neighbor ${PEER_IP} route-map PEER-IN in`,
      `neighbor ${PEER_IP} route-map PEER-OUT out`,
      'exit-address-family',
      `neighbor ${BY_HAND} remote-as 65099`,
    );

    // Up with r2's routes counted first, then the limit, as a real change would do. FRR checks a limit when it is
    // set and as routes arrive: routes that arrived before the limit but were counted after its check never tear
    // the session down (FRR stays Established with 2 accepted and a maximum of 1), so "Established" is not enough.
    await until('the session up with more routes than the limit', async () => {
      await poll();
      const [s] = await db().select().from(bgpSessions).where(eq(bgpSessions.id, session.id));
      return s.bgpState === 'Established' && (s.prefixesReceived ?? 0) > 1 ? s : undefined;
    });
    await frrCommand(r1, 'router bgp 65001', 'address-family ipv4 unicast', `neighbor ${PEER_IP} maximum-prefix 1`);
    const down = await until('a max-prefix session_down finding', async () => {
      await poll();
      const [f] = await db().select().from(findings).where(and(eq(findings.kind, 'session_down'), eq(findings.sessionId, session.id), isNull(findings.resolvedAt)));
      return f?.details.reason === 'max_prefix' ? f : undefined;
    });
    console.info('session_down after a max-prefix teardown:', JSON.stringify(down.details));
    expect(down).toMatchObject({ severity: 'critical', remedy: 'update_max_prefix', details: { reason: 'max_prefix', configured: 1, suggested: 2 } });
    expect((await db().select().from(sessionStateChanges).where(eq(sessionStateChanges.sessionId, session.id))).length).toBeGreaterThan(0);

    const [byHand] = await db().select().from(findings).where(and(eq(findings.kind, 'on_router_only'), eq(findings.key, `router:${r1.id}:${BY_HAND}`), isNull(findings.resolvedAt)));
    expect(byHand).toMatchObject({ peerAsn: 65099, remedy: 'import_session', details: { peerIp: BY_HAND, source: 'poll' } });
    // The session Peerdesk knows is not "on the router only".
    expect(await db().select().from(findings).where(and(eq(findings.kind, 'on_router_only'), eq(findings.key, `router:${r1.id}:${PEER_IP}`)))).toEqual([]);

    const fixed = await fixFindings(await makeUser('admin'), { ids: [byHand.id] });
    if (!fixed.ok) throw new Error(fixed.error.message);
    expect(fixed.data.imported).toBe(1);
    const [imported] = await db().select().from(bgpSessions).where(eq(bgpSessions.peerAsn, 65099));
    expect(imported).toMatchObject({ routerId: r1.id, configStatus: 'configured' });
    const [after] = await db().select().from(findings).where(eq(findings.id, byHand.id));
    expect(after.resolvedAt).not.toBeNull();
  });
});
