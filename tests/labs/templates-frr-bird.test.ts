import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bgpSessions, peerGroups, routers } from '@/db/schema';
import { renderSessions } from '@/lib/config/render';
import { encryptSecret } from '@/lib/crypto/secrets';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const run = promisify(execFile);
const socket = process.env.LAB_FRR_VTY_SOCKET;
const configDir = process.env.LAB_FRR_CONFIG_DIR;
if (!socket || !configDir) {
  throw new Error('BGP lab env missing: start the lab with `bash scripts/labs/bgp-lab.sh up && eval "$(bash scripts/labs/bgp-lab.sh env)"`');
}

const vtysh = (...args: string[]) => run('vtysh', ['--vty_socket', socket, '--config_dir', configDir, ...args]);
const neighborsOfTest = ['10.0.13.60', '10.0.13.61', '2001:db8:99::60'];
const work = mkdtempSync(path.join(tmpdir(), 'pd-templates-'));

async function frrNeighbor(ip: string) {
  return JSON.parse((await vtysh('-c', `show bgp neighbors ${ip} json`)).stdout)[ip];
}

/** Three sessions of every kind the golden files cover, on an FRR router facing the lab's r1 and on a BIRD router. */
async function sessionsOn(platform: 'frr' | 'bird') {
  const [router] = await db().insert(routers).values({ name: platform, hostname: platform, platform, localAsn: 65001 }).returning();
  const [group] = await db().insert(peerGroups).values({ routerId: router.id, name: 'IXP', family: 4 }).returning();
  const rows = await db()
    .insert(bgpSessions)
    .values([
      { routerId: router.id, peerGroupId: group.id, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.13.60', md5Enc: encryptSecret('Sup3r-Secret'), maxPrefixes: 100, description: 'Lab Peer Net "LAB-IX"' },
      { routerId: router.id, localAsn: 65001, peerAsn: 65002, peerIp: '2001:db8:99::60', type: 'route_server' },
      { routerId: router.id, localAsn: 65010, peerAsn: 65002, peerIp: '10.0.13.61', type: 'private', adminDown: true, maxPrefixes: 5, description: 'PNI' },
    ])
    .returning();
  const [rendered] = await renderSessions(db(), rows.map((r) => r.id));
  return rendered.sections.map((s) => s.text).join('\n');
}

beforeEach(async () => {
  // Route maps the templates name; PEER-* may exist already (re-entering them changes nothing).
  await vtysh('-c', 'configure terminal', '-c', 'route-map PEER-IN permit 10', '-c', 'route-map PEER-OUT permit 10', '-c', 'route-map RS-IN permit 10', '-c', 'route-map RS-OUT deny 10');
});

afterAll(async () => {
  await vtysh('-c', 'configure terminal', '-c', 'router bgp 65001', ...neighborsOfTest.flatMap((ip) => ['-c', `no neighbor ${ip}`]), '-c', 'exit', '-c', 'no route-map RS-IN', '-c', 'no route-map RS-OUT');
  rmSync(work, { recursive: true, force: true });
});

describe('the built-in FRR template', () => {
  it('passes vtysh --dryrun and is applied by the lab FRR as rendered', async () => {
    const file = path.join(work, 'frr.conf');
    writeFileSync(file, await sessionsOn('frr'));
    await vtysh('--dryrun', '-f', file);
    const applied = await vtysh('-f', file);
    expect(applied.stdout + applied.stderr).not.toMatch(/%|Unknown|error/i);

    const v4 = await frrNeighbor('10.0.13.60');
    expect(v4).toMatchObject({ remoteAs: 65002, peerGroup: 'IXP', nbrDesc: 'Lab Peer Net "LAB-IX"' });
    expect(v4.addressFamilyInfo.ipv4Unicast).toMatchObject({ prefixAllowedMax: 100, routeMapForIncomingAdvertisements: 'PEER-IN', routeMapForOutgoingAdvertisements: 'PEER-OUT' });
    const running = (await vtysh('-c', 'show running-config bgpd')).stdout;
    expect(running).toContain(' neighbor 10.0.13.60 password Sup3r-Secret');

    const v6 = await frrNeighbor('2001:db8:99::60');
    expect(v6.addressFamilyInfo.ipv6Unicast).toMatchObject({ routeMapForIncomingAdvertisements: 'RS-IN', routeMapForOutgoingAdvertisements: 'RS-OUT' });
    expect(v6.addressFamilyInfo.ipv4Unicast).toBeUndefined();

    expect(await frrNeighbor('10.0.13.61')).toMatchObject({ adminShutDown: true, localAs: 65010, nbrDesc: 'PNI', bgpState: 'Idle' });
  });

  it('is checked for real: a broken line makes vtysh fail', async () => {
    const file = path.join(work, 'broken.conf');
    writeFileSync(file, 'router bgp 65001\n neighbor 10.0.13.62 remote-az 65002\n');
    await expect(vtysh('--dryrun', '-f', file)).rejects.toMatchObject({ code: 2 });
  });
});

describe('the built-in BIRD template', () => {
  const birdConfig = (peers: string) => `router id 10.255.0.9;
protocol device {}
filter PEER_IN { accept; }
filter PEER_OUT { reject; }
filter RS_IN { accept; }
filter RS_OUT { reject; }
template bgp IXP { local as 65001; hold time 9; }
include "${peers}";
`;

  it('parses with bird -p, with the filters and the IXP template the peer file expects', async () => {
    const peers = path.join(work, 'peers.conf');
    const conf = path.join(work, 'bird.conf');
    const text = await sessionsOn('bird');
    expect(text).toContain('protocol bgp pd_as65002_10_0_13_60 from IXP {');
    writeFileSync(peers, text);
    writeFileSync(conf, birdConfig(peers));
    const parsed = await run('bird', ['-p', '-c', conf]);
    expect(parsed.stderr).toBe('');
  });

  it('is checked for real: a broken peer file makes bird -p fail with its position', async () => {
    const peers = path.join(work, 'bad-peers.conf');
    const conf = path.join(work, 'bad.conf');
    writeFileSync(peers, (await sessionsOn('bird')).replace('import limit 100', 'import limmit 100'));
    writeFileSync(conf, birdConfig(peers));
    await expect(run('bird', ['-p', '-c', conf])).rejects.toMatchObject({ stderr: expect.stringMatching(/bad-peers\.conf:\d+:\d+ syntax error/) });
  });
});
