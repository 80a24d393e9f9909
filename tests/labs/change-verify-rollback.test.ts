import { execFileSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { getSession } from '@/db/queries/sessions';
import { bgpSessions, changes, jobs, localAsns, peerGroups, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { configureSession } from '@/lib/config/configure';
import { renderedForSession } from '@/lib/config/preview';
import { tick } from '@/lib/jobs/runner';
import { makeUser } from '../support/actors';
import { labEnv } from '../support/lab-env';
import { useTestDatabase } from '../support/test-database';

const env = labEnv(['LAB_FRR_VTY_SOCKET', 'LAB_FRR_CONFIG_DIR']);
const VTYSH = `vtysh --vty_socket ${env.LAB_FRR_VTY_SOCKET} --config_dir ${env.LAB_FRR_CONFIG_DIR}`;
const vtysh = (...commands: string[]) => execFileSync('sh', ['-c', `${VTYSH} ${commands.map((c) => `-c '${c}'`).join(' ')}`], { encoding: 'utf8' });

useTestDatabase();

/** The lab as other tests expect it: no 10.0.13.2 neighbor, the IXP peer group not shut, 10.0.12.2 up. */
function cleanLab() {
  vtysh('configure terminal', 'router bgp 65001', 'no neighbor 10.0.13.2', 'no neighbor IXP shutdown');
}

const established = () => {
  const peers = (JSON.parse(vtysh('show bgp summary json')) as { ipv4Unicast?: { peers?: Record<string, { state: string }> } }).ipv4Unicast?.peers ?? {};
  return peers['10.0.12.2']?.state;
};

async function waitEstablished() {
  for (let i = 0; i < 20 && established() !== 'Established'; i++) await new Promise((r) => setTimeout(r, 500));
  return established();
}

let operator: Actor;
let existing: number;
let fresh: number;

beforeEach(async () => {
  cleanLab();
  expect(await waitEstablished()).toBe('Established');
  await db().insert(localAsns).values({ asn: 65001 });
  operator = await makeUser('operator');
  const [r1] = await db().insert(routers).values({ name: 'r1', hostname: 'localhost', transport: 'local', platform: 'frr', localAsn: 65001, controlCommand: VTYSH }).returning();
  const [group] = await db().insert(peerGroups).values({ routerId: r1.id, name: 'IXP', family: 4 }).returning();
  const rows = await db()
    .insert(bgpSessions)
    .values([
      // The lab's Established session with BIRD, on the router before Peerdesk's change: not part of it.
      { routerId: r1.id, peerGroupId: group.id, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.12.2', configStatus: 'configured', description: 'AS65002 existing' },
      { routerId: r1.id, peerGroupId: group.id, localAsn: 65001, peerAsn: 65003, peerIp: '10.0.13.2', maxPrefixes: 100, description: 'new peer' },
    ])
    .returning();
  [existing, fresh] = rows.map((r) => r.id);
});

afterAll(() => cleanLab());

async function runWithVerify(jobId: number, verifySeconds: number) {
  const [row] = await db().select().from(jobs).where(eq(jobs.id, jobId));
  await db().update(jobs).set({ payload: { ...row.payload, verifySeconds } }).where(eq(jobs.id, jobId));
  const [outcome] = await tick({ only: jobId });
  return outcome;
}

const ok = <T,>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

describe('verifying a change on the real FRR router, and rolling it back', () => {
  it('a Config Manager edit that shuts the peer group drops an unrelated Established session: rolled back, and the session comes back', async () => {
    const rendered = await renderedForSession(fresh);
    const edited = rendered.text.replace(/^router bgp 65001$/m, 'router bgp 65001\n neighbor IXP shutdown');
    expect(edited).toContain('neighbor IXP shutdown');
    const { change, job } = ok(await configureSession(operator, { sessionId: fresh, mode: 'now', config: edited }));
    const outcome = await runWithVerify(job!.id, 10);
    expect(outcome).toMatchObject({ status: 'failed' });

    const [row] = await db().select().from(changes).where(eq(changes.id, change!.id));
    expect(row.status).toBe('rolled_back');
    expect(row.verification).toMatchObject({ ok: false, failures: [expect.stringMatching(/^10\.0\.12\.2 \(AS65002\) was Established before the push and is now Idle/)] });
    expect(row.rollback).toMatchObject({ restored: true, reason: expect.stringContaining('10.0.12.2') });
    const config = vtysh('show running-config');
    expect(config).not.toContain('neighbor IXP shutdown');
    expect(config).not.toContain('neighbor 10.0.13.2');
    expect(await waitEstablished()).toBe('Established');
    expect(await getSession(db(), existing)).toMatchObject({ bgpState: 'Established' });
    expect(await getSession(db(), fresh)).toMatchObject({ configStatus: 'not_configured', configError: expect.stringContaining(`Change #${change!.id} was rolled back`) });
  });

  it('the same edit is rolled back when the dropped session is one Peerdesk does not manage (FRR lists every neighbor)', async () => {
    await db().delete(bgpSessions).where(eq(bgpSessions.id, existing));
    const rendered = await renderedForSession(fresh);
    const edited = rendered.text.replace(/^router bgp 65001$/m, 'router bgp 65001\n neighbor IXP shutdown');
    const { change, job } = ok(await configureSession(operator, { sessionId: fresh, mode: 'now', config: edited }));
    expect(await runWithVerify(job!.id, 10)).toMatchObject({ status: 'failed' });
    const [row] = await db().select().from(changes).where(eq(changes.id, change!.id));
    expect(row.status).toBe('rolled_back');
    expect(row.verification!.failures).toEqual([expect.stringMatching(/^10\.0\.12\.2 \(not managed by Peerdesk\) was Established before the push/)]);
    expect(vtysh('show running-config')).not.toContain('neighbor IXP shutdown');
    expect(await waitEstablished()).toBe('Established');
  });

  it('a good change is verified and succeeds, and the unrelated session stays Established', async () => {
    const { change, job } = ok(await configureSession(operator, { sessionId: fresh, mode: 'now' }));
    expect(await runWithVerify(job!.id, 4)).toMatchObject({ status: 'succeeded' });
    const [row] = await db().select().from(changes).where(eq(changes.id, change!.id));
    expect(row.status).toBe('succeeded');
    expect(row.verification).toMatchObject({ ok: true, failures: [], sessions: expect.arrayContaining([{ peerIp: '10.0.12.2', own: false, before: 'Established', after: 'Established' }]) });
    expect(row.rollback).toBeNull();
    expect(vtysh('show running-config')).toContain('neighbor 10.0.13.2 remote-as 65003');
    expect(established()).toBe('Established');
  });
});
