import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bgpSessions, jobs, localAsns, pdbNetworks, peerGroups, routers, type Job } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { queueConfigure } from '@/lib/config/configure';
import { assignPolicies, createPolicy } from '@/lib/filters/policies';
import { refreshPeerLists } from '@/lib/filters/prefix-lists';
import { pushChangedLists } from '@/lib/filters/push-changed';
import { readSessionRoutes, rejectionReason } from '@/lib/filters/routes';
import { irrSettings } from '@/lib/filters/settings';
import { tick } from '@/lib/jobs/runner';
import { updatePeeringSettings } from '@/lib/settings/service';
import { labFixture } from '@/tools/irrd-test-server/fixture';
import { startIrrdTestServer, type IrrdTestServer } from '@/tools/irrd-test-server/server';
import { makeUser } from '../support/actors';
import { labEnv } from '../support/lab-env';
import { useTestDatabase } from '../support/test-database';

const env = labEnv(['LAB_FRR_VTY_SOCKET', 'LAB_FRR_CONFIG_DIR', 'LAB_BIRD_CTL', 'LAB_BIRD_PEERS_DIR']);
const NETNS_R1 = `${process.env.LAB_PREFIX ?? 'pdlab'}-r1`;
const VTYSH = `vtysh --vty_socket ${env.LAB_FRR_VTY_SOCKET} --config_dir ${env.LAB_FRR_CONFIG_DIR}`;
const BIRDC = `birdc -s ${env.LAB_BIRD_CTL}`;
const RTR_PORT = 13323;
// r2 (BIRD) already exports 198.51.100.0/24 and 198.51.101.0/24; this adds a prefix its AS-SET does not cover.
const EXTRA_STATIC = 'protocol static pd_filters_extra { ipv4; route 192.0.2.0/24 blackhole; }\n';
// 198.51.100.0/24 is AS65002's (valid); 198.51.101.0/24 belongs to AS65099 (AS65002 announcing it is invalid).
const ROAS = {
  roas: [
    { prefix: '198.51.100.0/24', maxLength: 24, asn: 'AS65002', ta: 'lab' },
    { prefix: '198.51.101.0/24', maxLength: 24, asn: 'AS65099', ta: 'lab' },
  ],
};

useTestDatabase();

const sh = (command: string) => execFileSync('sh', ['-c', command], { encoding: 'utf8' });
const vtysh = (...commands: string[]) => sh(`${VTYSH} ${commands.map((c) => `-c '${c}'`).join(' ')}`);

function cleanLab() {
  vtysh('configure terminal', 'router bgp 65001', 'no neighbor 10.0.13.2');
  for (const f of readdirSync(env.LAB_BIRD_PEERS_DIR)) if (f.startsWith('pd_')) rmSync(`${env.LAB_BIRD_PEERS_DIR}/${f}`);
  sh(`${BIRDC} configure`);
}

let irrd: IrrdTestServer;
let stayrtr: ChildProcess;
let workDir: string;
let operator: Actor;
let admin: Actor;

beforeAll(async () => {
  if (/Unknown command|% /.test(sh(`${VTYSH} -c 'show rpki cache-connection' 2>&1 || true`).split('\n')[0])) {
    throw new Error("bgpd runs without its RPKI module: install frr-rpki-rtrlib and restart the lab (bgp-lab.sh starts bgpd with -M rpki)");
  }
  irrd = await startIrrdTestServer({ fixture: labFixture() });
  workDir = mkdtempSync(path.join(tmpdir(), 'pd-rtr-'));
  writeFileSync(path.join(workDir, 'roas.json'), JSON.stringify(ROAS));
  // The RTR cache listens on r1's own loopback, inside its namespace: where FRR reaches it.
  stayrtr = spawn('ip', ['netns', 'exec', NETNS_R1, 'stayrtr', '-bind', `127.0.0.1:${RTR_PORT}`, '-cache', path.join(workDir, 'roas.json'), '-checktime=false', '-metrics.addr', ''], { stdio: 'ignore' });
});

afterAll(async () => {
  cleanLab();
  vtysh('configure terminal', 'rpki', `no rpki cache 127.0.0.1 ${RTR_PORT} preference 1`);
  stayrtr?.kill();
  await irrd?.close();
  rmSync(workDir, { recursive: true, force: true });
});

beforeEach(async () => {
  cleanLab();
  writeFileSync(`${env.LAB_BIRD_PEERS_DIR}/pd_filters_extra.conf`, EXTRA_STATIC);
  sh(`${BIRDC} configure`);
  await db().insert(localAsns).values([{ asn: 65001 }, { asn: 65002 }]);
  operator = await makeUser('operator');
  admin = await makeUser('admin');
  const now = new Date();
  await db().insert(pdbNetworks).values({ id: 2, asn: 65002, name: 'Lab Peer Net', irrAsSet: 'RIPE::AS-LABPEER', infoPrefixes4: 2, infoPrefixes6: 1, status: 'ok', created: now, updated: now });
  const common = { hostname: 'localhost', transport: 'local' as const };
  const [r1, r2] = await db()
    .insert(routers)
    .values([
      { ...common, name: 'r1', platform: 'frr', localAsn: 65001, controlCommand: VTYSH },
      { ...common, name: 'r2', platform: 'bird', localAsn: 65002, controlCommand: BIRDC, peersDir: env.LAB_BIRD_PEERS_DIR },
    ])
    .returning();
  const [g1, g2] = await db()
    .insert(peerGroups)
    .values([
      { routerId: r1.id, name: 'IXP', family: 4 },
      { routerId: r2.id, name: 'IXP', family: 4 },
    ])
    .returning();
  await db()
    .insert(bgpSessions)
    .values([
      { routerId: r1.id, peerGroupId: g1.id, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.13.2', description: 'lab peer r2' },
      { routerId: r2.id, peerGroupId: g2.id, localAsn: 65002, peerAsn: 65001, peerIp: '10.0.13.1', description: 'lab peer r1' },
    ]);
});

const ok = <T,>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

async function run(job: Pick<Job, 'id'>) {
  const [row] = await db().select().from(jobs).where(eq(jobs.id, job.id));
  await db().update(jobs).set({ payload: { ...row.payload, verifySeconds: 8 } }).where(eq(jobs.id, job.id));
  const [outcome] = await tick({ only: job.id });
  return outcome;
}

/** The routes once all have arrived and FRR has its ROAs and has validated against them. */
async function settledRoutes(sessionId: number, want: number) {
  for (let i = 0; i < 60; i++) {
    const read = await readSessionRoutes(sessionId);
    if (read.routes.length >= want && read.routes.some((r) => r.rpki === 'valid') && !read.routes.some((r) => r.rpki === 'invalid' && r.accepted)) return read;
    await sleep(500);
  }
  return readSessionRoutes(sessionId);
}

describe('filters on a real FRR with its RPKI module, stayrtr and the IRRd test server', () => {
  it('accepts exactly the valid, listed prefix and says why each other one was not', async () => {
    ok(await updatePeeringSettings(admin, { irr: { server: irrd.address, sources: 'RIPE,ARIN', privateAsns: true }, rpki: { cacheServer: `127.0.0.1:${RTR_PORT}`, dropInvalid: true } }));
    const policy = ok(await createPolicy(admin, { name: 'PD-LAB-IN', direction: 'import', source: 'rendered', communities: '65001:100' }));
    ok(await assignPolicies(operator, { level: 'peer', id: 65002, importPolicyId: policy.id }));
    const lists = await refreshPeerLists(65002, await irrSettings());
    expect(lists.families[0]).toMatchObject({ family: 4, status: 'good', count: 2 });

    const sessions = await db().select().from(bgpSessions).orderBy(bgpSessions.id);
    const job = await db().transaction((tx) => queueConfigure(tx, operator, { sessionIds: sessions.map((s) => s.id), mode: 'now' }));
    expect(await run(job)).toMatchObject({ status: 'succeeded' });
    const running = vtysh('show running-config');
    expect(running).toContain('ip prefix-list PD-AS65002-V4 seq 5 permit 198.51.100.0/24');
    expect(running).toContain('neighbor 10.0.13.2 prefix-list PD-AS65002-V4 in');
    expect(running).toMatch(/route-map PD-LAB-IN deny 10\n match rpki invalid/);
    expect(running).toContain(`rpki cache 127.0.0.1 ${RTR_PORT} preference 1`);

    const read = await settledRoutes(sessions[0].id, 3);
    const byPrefix = Object.fromEntries(read.routes.map((r) => [r.prefix, r]));
    expect(byPrefix['198.51.100.0/24']).toMatchObject({ rpki: 'valid', irr: 'listed', accepted: true, origin: 65002 });
    expect(byPrefix['198.51.101.0/24']).toMatchObject({ rpki: 'invalid', irr: 'listed', accepted: false });
    expect(byPrefix['192.0.2.0/24']).toMatchObject({ rpki: 'notfound', irr: 'unlisted', accepted: false });
    expect(read.routes.filter((r) => r.accepted).map((r) => r.prefix)).toEqual(['198.51.100.0/24']);
    expect(rejectionReason(byPrefix['198.51.101.0/24'])).toBe('RPKI invalid');
    expect(rejectionReason(byPrefix['192.0.2.0/24'])).toBe('not in the IRR prefix list');
    expect(read.counts).toEqual({ received: 3, accepted: 1, invalid: 1, unlisted: 1 });
    // What FRR itself says it accepted agrees
    expect(vtysh('show bgp ipv4 unicast neighbors 10.0.13.2 routes')).not.toContain('198.51.101.0/24');

    // The IRR goes away: the lookup fails, the last good list stays in use and on the router, no change is made.
    irrd.faults.refuse = true;
    const failed = await refreshPeerLists(65002, await irrSettings());
    expect(failed).toMatchObject({ changed: false, families: [{ status: 'rejected' }, { status: 'rejected' }] });
    expect(vtysh('show running-config')).toContain('ip prefix-list PD-AS65002-V4 seq 5 permit 198.51.100.0/24');
    irrd.faults.refuse = false;

    // The AS-SET gains the third prefix: the new list goes to r1 as a change, and the route is accepted.
    irrd.fixture.routes.RIPE[65002].push('192.0.2.0/24');
    const grown = await refreshPeerLists(65002, await irrSettings());
    expect(grown.changed).toBe(true);
    const requested = await pushChangedLists(65002);
    expect(requested?.changes).toHaveLength(1);
    expect(await run(requested!.job!)).toMatchObject({ status: 'succeeded' });
    expect(vtysh('show running-config')).toContain('ip prefix-list PD-AS65002-V4 seq 5 permit 192.0.2.0/24');
    const after = await settledRoutes(sessions[0].id, 3);
    expect(after.routes.filter((r) => r.accepted).map((r) => r.prefix).sort()).toEqual(['192.0.2.0/24', '198.51.100.0/24']);
  });
});
