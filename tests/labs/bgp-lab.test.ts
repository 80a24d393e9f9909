import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseNeighbors } from '@/lib/import/parse';
import { labEnv } from '../support/lab-env';

const run = promisify(execFile);

const env = labEnv(['LAB_FRR_VTY_SOCKET', 'LAB_BIRD_CTL', 'LAB_SSH_PORT', 'LAB_SSH_KEY', 'LAB_SSH_HOSTKEY_PUB', 'LAB_SSH_USER']);
const vtysh = async (command: string) =>
  (await run('vtysh', ['--vty_socket', env.LAB_FRR_VTY_SOCKET, '-c', command])).stdout;

type FrrNeighbor = { bgpState: string; remoteAs: number; peerGroup?: string; nbrDesc?: string };

async function frrNeighbor(ip: string): Promise<FrrNeighbor> {
  return JSON.parse(await vtysh(`show bgp neighbors ${ip} json`))[ip];
}

// Runs a command through the lab's sshd the way the app's SSH transport does, host key pinned.
async function overSsh(command: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bgp-lab-'));
  const knownHosts = path.join(dir, 'known_hosts');
  const [type, key] = readFileSync(env.LAB_SSH_HOSTKEY_PUB, 'utf8').split(' ');
  writeFileSync(knownHosts, `[127.0.0.1]:${env.LAB_SSH_PORT} ${type} ${key}\n`);
  try {
    const { stdout } = await run('ssh', [
      '-i', env.LAB_SSH_KEY, '-p', env.LAB_SSH_PORT,
      '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHosts}`,
      `${env.LAB_SSH_USER}@127.0.0.1`, command,
    ]);
    return stdout;
  } finally {
    rmSync(dir, { recursive: true });
  }
}

describe('BGP lab', () => {
  it('FRR has an Established session with BIRD at 10.0.12.2', async () => {
    const neighbor = await frrNeighbor('10.0.12.2');
    expect(neighbor).toMatchObject({ bgpState: 'Established', remoteAs: 65002, peerGroup: 'IXP' });
  });

  it('BIRD has its as65001 protocol Established', async () => {
    const { stdout } = await run('birdc', ['-s', env.LAB_BIRD_CTL, 'show', 'protocols', 'all', 'as65001']);
    expect(stdout).toMatch(/BGP state:\s+Established/);
    expect(stdout).toMatch(/Neighbor address:\s+10\.0\.12\.1/);
  });

  it('reaches vtysh and birdc over SSH with the generated client key', async () => {
    const stdout = await overSsh(
      `vtysh --vty_socket ${env.LAB_FRR_VTY_SOCKET} -c 'show bgp summary json' && birdc -s ${env.LAB_BIRD_CTL} show protocols as65001`,
    );
    expect(stdout).toContain('"10.0.12.2"');
    expect(stdout).toMatch(/as65001\s+BGP.*Established/);
  });

  it('imports the running FRR neighbors as FRR itself reports them', async () => {
    const live = await frrNeighbor('10.0.12.2');
    const { neighbors } = parseNeighbors('frr', await vtysh('show running-config'));
    expect(neighbors).toHaveLength(1);
    expect(neighbors[0]).toMatchObject({
      peerIp: '10.0.12.2',
      remoteAsn: live.remoteAs,
      peerGroup: live.peerGroup,
      description: live.nbrDesc,
      hasMd5: true,
      maxPrefixes: 100,
      addressFamily: 4,
      shutdown: false,
    });
  });
});
