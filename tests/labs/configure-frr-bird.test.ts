import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { getSession, listSessionPushes } from '@/db/queries/sessions';
import { bgpSessions, jobs, localAsns, peerGroups, routers, type Job } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { queueConfigure, setSessionAdminState } from '@/lib/config/configure';
import { refreshBgpState } from '@/lib/config/poll';
import { encryptSecret } from '@/lib/crypto/secrets';
import { tick } from '@/lib/jobs/runner';
import { deleteSession } from '@/lib/sessions/service';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';
import { labEnv } from '../support/lab-env';

const env = labEnv(['LAB_FRR_VTY_SOCKET', 'LAB_FRR_CONFIG_DIR', 'LAB_BIRD_CTL', 'LAB_BIRD_PEERS_DIR']);
const VTYSH = `vtysh --vty_socket ${env.LAB_FRR_VTY_SOCKET} --config_dir ${env.LAB_FRR_CONFIG_DIR}`;
const BIRDC = `birdc -s ${env.LAB_BIRD_CTL}`;
const MD5 = 'lab-md5-key';

useTestDatabase();

const vtysh = (...commands: string[]) => execFileSync('sh', ['-c', `${VTYSH} ${commands.map((c) => `-c '${c}'`).join(' ')}`], { encoding: 'utf8' });

/** The lab routers as the tests found them: no neighbor on 10.0.13.0/24 left from an earlier run. */
function cleanLab() {
  vtysh('configure terminal', 'router bgp 65001', 'no neighbor 10.0.13.2');
  for (const f of readdirSync(env.LAB_BIRD_PEERS_DIR)) if (f.startsWith('pd_')) rmSync(`${env.LAB_BIRD_PEERS_DIR}/${f}`);
  execFileSync('sh', ['-c', `${BIRDC} configure`]);
}

let operator: Actor;
let r1: number;
let r2: number;

beforeEach(async () => {
  cleanLab();
  await db().insert(localAsns).values([{ asn: 65001 }, { asn: 65002 }]);
  operator = await makeUser('operator');
  const common = { hostname: 'localhost', transport: 'local' as const };
  const [frr, bird] = await db()
    .insert(routers)
    .values([
      { ...common, name: 'r1', platform: 'frr', localAsn: 65001, controlCommand: VTYSH },
      { ...common, name: 'r2', platform: 'bird', localAsn: 65002, controlCommand: BIRDC, peersDir: env.LAB_BIRD_PEERS_DIR },
    ])
    .returning();
  r1 = frr.id;
  r2 = bird.id;
  await db().insert(peerGroups).values([
    { routerId: r1, name: 'IXP', family: 4 },
    { routerId: r2, name: 'IXP', family: 4 },
  ]);
});

afterAll(() => cleanLab());

async function sessionPair(md5s: [string, string]) {
  const groups = await db().select().from(peerGroups);
  const group = (routerId: number) => groups.find((g) => g.routerId === routerId)!.id;
  return db()
    .insert(bgpSessions)
    .values([
      { routerId: r1, peerGroupId: group(r1), localAsn: 65001, peerAsn: 65002, peerIp: '10.0.13.2', md5Enc: encryptSecret(md5s[0]), maxPrefixes: 100, description: 'lab peer r2' },
      { routerId: r2, peerGroupId: group(r2), localAsn: 65002, peerAsn: 65001, peerIp: '10.0.13.1', md5Enc: encryptSecret(md5s[1]), maxPrefixes: 100, description: 'lab peer r1' },
    ])
    .returning();
}

const ok = <T,>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

async function run(job: Pick<Job, 'id'>, verifySeconds?: number) {
  if (verifySeconds !== undefined) {
    const [row] = await db().select().from(jobs).where(eq(jobs.id, job.id));
    await db().update(jobs).set({ payload: { ...row.payload, verifySeconds } }).where(eq(jobs.id, job.id));
  }
  const [outcome] = await tick({ only: job.id });
  return outcome;
}

const configureNow = (sessionIds: number[]) => db().transaction((tx) => queueConfigure(tx, operator, { sessionIds, mode: 'now' }));
const session = async (id: number) => (await getSession(db(), id))!;

describe('configuring FRR and BIRD in the lab', () => {
  it('1 click config brings a session up on both routers, polling keeps its state, admin down/up and delete work', async () => {
    const [a, b] = await sessionPair([MD5, MD5]);
    const started = performance.now();
    const outcome = await run(await configureNow([a.id, b.id]));
    console.info(`configure + verify both lab routers: ${Math.round(performance.now() - started)} ms`);
    expect(outcome).toMatchObject({ status: 'succeeded', result: { routers: [{ router: 'r1', status: 'succeeded', established: 1 }, { router: 'r2', status: 'succeeded', established: 1 }] } });
    for (const s of [a, b]) expect(await session(s.id)).toMatchObject({ configStatus: 'configured', configError: null, bgpState: 'Established', lastPolledAt: expect.any(Date) });
    expect(vtysh('show running-config')).toContain('neighbor 10.0.13.2 password lab-md5-key');
    const [push] = await listSessionPushes(db(), a.id);
    expect(push).toMatchObject({ status: 'succeeded', operation: 'configure' });
    expect(push.diff).toContain('+ neighbor 10.0.13.2 remote-as 65002');
    expect(`${push.diff}${push.renderedConfig}${push.output}`).not.toContain(MD5);

    // The poll job reads the same state back (BIRD exports its two static routes); "changed at" stays while the state does.
    const changedAt = (await session(a.id)).bgpStateChangedAt;
    await db().update(bgpSessions).set({ uptimeSeconds: null, prefixesReceived: null });
    const poll = ok(await refreshBgpState(operator, {}));
    expect(await run(poll.job)).toMatchObject({ status: 'succeeded', result: { routers: [{ router: 'r1', sessions: 1 }, { router: 'r2', sessions: 1 }] } });
    expect(await session(a.id)).toMatchObject({ bgpState: 'Established', bgpStateChangedAt: changedAt, uptimeSeconds: expect.any(Number), prefixesReceived: 2 });

    const down = ok(await setSessionAdminState(operator, { sessionId: a.id, adminDown: true }));
    expect(await run(down.job!)).toMatchObject({ status: 'succeeded' });
    expect(await session(a.id)).toMatchObject({ configStatus: 'configured', adminDown: true, bgpState: expect.stringMatching(/^Idle/) });
    expect(vtysh('show running-config')).toContain('neighbor 10.0.13.2 shutdown');
    const up = ok(await setSessionAdminState(operator, { sessionId: a.id, adminDown: false }));
    expect(await run(up.job!)).toMatchObject({ status: 'succeeded', result: { routers: [{ established: 1 }] } });
    expect(await session(a.id)).toMatchObject({ configStatus: 'configured', adminDown: false, bgpState: 'Established' });

    for (const s of [a, b]) {
      const removal = ok(await deleteSession(operator, { id: s.id }));
      expect(removal).toMatchObject({ id: s.id, removing: true });
      expect(await run((removal as { job: { id: number } }).job)).toMatchObject({ status: 'succeeded' });
      expect(await session(s.id)).toMatchObject({ configStatus: 'removed', removedAt: expect.any(Date) });
    }
    expect(vtysh('show running-config')).not.toContain('10.0.13.2');
    expect(readdirSync(env.LAB_BIRD_PEERS_DIR).filter((f) => f.startsWith('pd_'))).toEqual([]);
    expect((await listSessionPushes(db(), a.id)).map((p) => p.operation)).toEqual(['remove', 'admin_up', 'admin_down', 'configure']);
  });

  it('a wrong MD5 key is configured but does not come up, and the state says so', async () => {
    const [a, b] = await sessionPair([MD5, 'another-key']);
    const outcome = await run(await configureNow([a.id, b.id]), 6);
    expect(outcome).toMatchObject({ status: 'succeeded', result: { routers: [{ router: 'r1', established: 0 }, { router: 'r2', established: 0 }] } });
    const result = outcome.status === 'succeeded' ? (outcome.result as { routers: { notEstablished: string[] }[] }) : null;
    expect(result?.routers[0].notEstablished).toEqual([expect.stringMatching(/^10\.0\.13\.2: (Idle|Active|Connect)/)]);
    for (const s of [a, b]) {
      const after = await session(s.id);
      expect(after.configStatus).toBe('configured');
      expect(after.bgpState).not.toBe('Established');
      expect(after.lastPolledAt).toBeInstanceOf(Date);
    }
  });
});
