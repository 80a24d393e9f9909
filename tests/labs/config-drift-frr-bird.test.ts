import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bgpSessions, findings, localAsns, peerGroups, routers, type Job } from '@/db/schema';
import { queueConfigure } from '@/lib/config/configure';
import { encryptSecret } from '@/lib/crypto/secrets';
import { configDriftKind } from '@/lib/findings/drift-check';
import { fixFindings } from '@/lib/findings/fix';
import { tick } from '@/lib/jobs/runner';
import { makeUser } from '../support/actors';
import { labEnv } from '../support/lab-env';
import { useTestDatabase } from '../support/test-database';

const env = labEnv(['LAB_FRR_VTY_SOCKET', 'LAB_FRR_CONFIG_DIR', 'LAB_BIRD_CTL', 'LAB_BIRD_PEERS_DIR']);
const VTYSH = `vtysh --vty_socket ${env.LAB_FRR_VTY_SOCKET} --config_dir ${env.LAB_FRR_CONFIG_DIR}`;
const BIRDC = `birdc -s ${env.LAB_BIRD_CTL}`;
const MD5 = 'drift-lab-key';
const BIRD_FILE = `${env.LAB_BIRD_PEERS_DIR}/pd_as65001_10_0_13_1.conf`;

useTestDatabase();

const vtysh = (...commands: string[]) => execFileSync('sh', ['-c', `${VTYSH} ${commands.map((c) => `-c '${c}'`).join(' ')}`], { encoding: 'utf8' });
const birdc = (command: string) => execFileSync('sh', ['-c', `${BIRDC} ${command}`], { encoding: 'utf8' });

/** The lab routers as this file found them: no neighbor on 10.0.13.0/24, no pd_ files, saved. */
function cleanLab() {
  vtysh('configure terminal', 'router bgp 65001', 'no neighbor 10.0.13.2');
  vtysh('write memory');
  for (const f of readdirSync(env.LAB_BIRD_PEERS_DIR)) if (f.startsWith('pd_')) rmSync(`${env.LAB_BIRD_PEERS_DIR}/${f}`);
  birdc('configure');
}

afterAll(() => cleanLab());

const ok = <T,>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

async function run(jobId: number) {
  const [outcome] = await tick({ only: jobId });
  expect(outcome).toMatchObject({ status: 'succeeded' });
  return outcome;
}

/** The scheduled drift check, run here. */
const quiet = { progress: () => undefined, log: () => undefined, signal: new AbortController().signal };
const driftCheck = () => configDriftKind.run({ job: { id: 0 } as Job, payload: {}, ...quiet });
const openDrift = () => db().select().from(findings).where(and(eq(findings.kind, 'config_drift'), isNull(findings.resolvedAt)));

describe('config drift on the lab routers', () => {
  it('a session changed by hand on FRR and on BIRD is config_drift with the differing lines; a re-push resolves it', async () => {
    cleanLab();
    await db().insert(localAsns).values([{ asn: 65001 }, { asn: 65002 }]);
    const operator = await makeUser('operator');
    const common = { hostname: 'localhost', transport: 'local' as const };
    const [r1, r2] = await db()
      .insert(routers)
      .values([
        { ...common, name: 'r1', platform: 'frr', localAsn: 65001, controlCommand: VTYSH },
        { ...common, name: 'r2', platform: 'bird', localAsn: 65002, controlCommand: BIRDC, peersDir: env.LAB_BIRD_PEERS_DIR },
      ])
      .returning();
    const [g1, g2] = await db().insert(peerGroups).values([{ routerId: r1.id, name: 'IXP', family: 4 }, { routerId: r2.id, name: 'IXP', family: 4 }]).returning();
    const [a, b] = await db()
      .insert(bgpSessions)
      .values([
        { routerId: r1.id, peerGroupId: g1.id, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.13.2', md5Enc: encryptSecret(MD5), maxPrefixes: 100, description: 'lab peer r2' },
        { routerId: r2.id, peerGroupId: g2.id, localAsn: 65002, peerAsn: 65001, peerIp: '10.0.13.1', md5Enc: encryptSecret(MD5), maxPrefixes: 100, description: 'lab peer r1' },
      ])
      .returning();

    // Configured through Peerdesk: what the router runs is the template's rendering, so no drift.
    const job = await db().transaction((tx) => queueConfigure(tx, operator, { sessionIds: [a.id, b.id], mode: 'now' }));
    await run(job.id);
    const started = performance.now();
    expect(await driftCheck()).toEqual({ routers: [{ router: 'r1', sessions: 1, drifted: 0 }, { router: 'r2', sessions: 1, drifted: 0 }] });
    console.info(`drift check of both lab routers: ${Math.round(performance.now() - started)} ms`);
    expect(await openDrift()).toEqual([]);

    // Changed by hand on the routers: FRR's description and max-prefix, BIRD's import limit.
    vtysh('configure terminal', 'router bgp 65001', 'neighbor 10.0.13.2 description other', 'address-family ipv4 unicast', 'no neighbor 10.0.13.2 maximum-prefix 100');
    writeFileSync(BIRD_FILE, readFileSync(BIRD_FILE, 'utf8').replace(/ *import limit 100 action restart;\n/, ''));
    birdc('configure');
    expect(await driftCheck()).toEqual({ routers: [{ router: 'r1', sessions: 1, drifted: 1 }, { router: 'r2', sessions: 1, drifted: 1 }] });
    const drifting = await openDrift();
    const onFrr = drifting.find((f) => f.sessionId === a.id)!;
    const onBird = drifting.find((f) => f.sessionId === b.id)!;
    console.info('config_drift on FRR:', JSON.stringify(onFrr.details));
    expect(onFrr).toMatchObject({
      severity: 'warning',
      remedy: 'repush',
      routerId: r1.id,
      details: {
        router: 'r1',
        peerIp: '10.0.13.2',
        keyDiffers: false,
        unexpected: ['router bgp 65001 » neighbor 10.0.13.2 description other'],
        missing: expect.arrayContaining(['router bgp 65001 » neighbor 10.0.13.2 description lab peer r2', 'router bgp 65001 » address-family ipv4 unicast » neighbor 10.0.13.2 maximum-prefix 100']),
      },
    });
    expect(onFrr.details.diff).toContain('- neighbor 10.0.13.2 description other');
    expect(onFrr.details.diff).toContain('+  neighbor 10.0.13.2 maximum-prefix 100');
    expect(onBird).toMatchObject({ remedy: 'repush', routerId: r2.id, details: { router: 'r2', peerIp: '10.0.13.1', missing: [expect.stringContaining('import limit 100 action restart;')], unexpected: [] } });
    // The key is on both routers (the sessions still come up with it), and in no finding.
    expect(vtysh('show running-config')).toContain(`password ${MD5}`);
    expect(JSON.stringify(drifting)).not.toContain(MD5);

    // The fix: a re-push through the normal path, then the next check finds the routers as rendered.
    const fixed = ok(await fixFindings(await makeUser('admin'), { ids: [onFrr.id, onBird.id] }));
    expect(fixed.fixed.map((f) => f.remedy)).toEqual(['repush', 'repush']);
    for (const id of fixed.jobs) await run(id);
    expect(vtysh('show running-config')).toContain('neighbor 10.0.13.2 maximum-prefix 100');
    expect(await driftCheck()).toEqual({ routers: [{ router: 'r1', sessions: 1, drifted: 0 }, { router: 'r2', sessions: 1, drifted: 0 }] });
    expect(await openDrift()).toEqual([]);
    const resolved = await db().select().from(findings).where(eq(findings.kind, 'config_drift'));
    expect(resolved.map((f) => [f.sessionId, f.resolvedAt === null])).toEqual(expect.arrayContaining([[a.id, false], [b.id, false]]));
  });
});
