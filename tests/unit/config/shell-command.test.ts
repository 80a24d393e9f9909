import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { driverFor } from '@/lib/config/drivers';
import { controlCommandOf, type RouterConnection } from '@/lib/config/transport';
import { controlCommandProblem, isSafePath, sh } from '@/lib/config/transport/shell-command';
import { routerRow } from '../../support/router-fixture';

const hostile = [
  'id;vtysh',
  'vtysh; id',
  'vtysh && id',
  'vtysh || id',
  'vtysh | sh',
  'vtysh $(id)',
  'vtysh `id`',
  'vtysh\nid',
  'vtysh > /etc/passwd',
  "vtysh -c 'write terminal'",
  'vtysh -c "show run"',
  'vtysh -f /tmp/x.conf',
  'sh -c vtysh',
  'bash',
  '/bin/sh',
  'python3 vtysh',
  '/tmp/x/../vtysh',
  'sudo -u root vtysh',
  'sudo sh',
  'ip netns exec a;b vtysh',
  'vtysh --vty_socket relative/run',
  'vtysh --vty_socket /run/../../etc',
  'vtysh --vty_socket=/run/frr;id',
  'vtysh --vty_socket',
  'birdc -s /run/bird.ctl -r',
  'birdc -s ~/bird.ctl',
  'birdc configure',
  'vtysh\u037eid',
];

const accepted = [
  'vtysh',
  'vtysh --vty_socket /tmp/peerdesk-bgp-lab/r1/run --config_dir /tmp/peerdesk-bgp-lab/r1',
  'vtysh --vty_socket=/run/frr',
  '/usr/bin/vtysh -N blue',
  'sudo vtysh',
  'sudo -n ip netns exec pdlab-r1 vtysh --pathspace blue',
  'birdc -s /tmp/peerdesk-bgp-lab/r2/bird.ctl',
  '/usr/sbin/birdcl -s /run/bird/bird.ctl',
];

describe('the control command shape', () => {
  it.each(hostile)('refuses %j', (command) => {
    expect(controlCommandProblem(command)).toEqual(expect.any(String));
  });

  it.each(accepted)('accepts %j', (command) => {
    expect(controlCommandProblem(command)).toBeNull();
  });

  it('fits the platform: vtysh for FRR, birdc for BIRD, nothing for CLI platforms', () => {
    expect(controlCommandProblem('vtysh', 'frr')).toBeNull();
    expect(controlCommandProblem('birdc', 'frr')).toBe('An FRR router is reached with vtysh, not birdc');
    expect(controlCommandProblem('vtysh', 'junos')).toMatch(/^Only FRR and BIRD/);
  });

  it('a peers directory is absolute, plain and never steps out with ".."', () => {
    expect(isSafePath('/etc/bird/peers.d')).toBe(true);
    for (const path of ['etc/bird', '/etc/bird/../cron.d', '/etc/bird/..', '/tmp/a b', "/tmp/a'b", '/tmp/$(id)', '/tmp/x;rm']) expect(isSafePath(path), path).toBe(false);
  });
});

describe('what reaches the host shell', () => {
  it('single-quotes each word so the shell gives back exactly the word', () => {
    for (const word of ["it's", "'; id; '", '$(id) `id` $HOME', 'a\\b "c"', "''", '\n;\n']) {
      expect(execFileSync('/bin/sh', ['-c', `printf %s ${sh(word)}`], { encoding: 'utf8' })).toBe(word);
    }
  });

  it('builds the control command from quoted words, and refuses a stored one of the wrong shape', () => {
    expect(controlCommandOf(routerRow({ name: 'r1', platform: 'frr', controlCommand: 'vtysh --vty_socket=/run/frr' }))).toBe("'vtysh' '--vty_socket' '/run/frr'");
    expect(controlCommandOf(routerRow({ name: 'r1', platform: 'bird' }))).toBe("'birdc'");
    expect(controlCommandOf(routerRow({ name: 'r1', platform: 'eos', controlCommand: null }))).toBe('');
    expect(() => controlCommandOf(routerRow({ name: 'r9', platform: 'frr', controlCommand: 'id;vtysh' }))).toThrow(/control command of r9 is not one Peerdesk runs/);
  });

  it('a poll of a router saved with "id;vtysh" runs nothing on its host', async () => {
    const ran: string[] = [];
    const conn: RouterConnection = { run: async (c) => (ran.push(c), { stdout: '{}', stderr: '', code: 0 }), readFile: async () => null, writeFile: async () => {}, close: async () => {} };
    const router = routerRow({ name: 'r1', platform: 'frr', controlCommand: 'id;vtysh' });
    await expect(driverFor('frr').states!(conn, router, [])).rejects.toThrow(/not one Peerdesk runs/);
    const bird = routerRow({ name: 'r1', platform: 'bird', controlCommand: 'birdc', peersDir: '/etc/cron.d/../x' });
    await expect(driverFor('bird').states!(conn, bird, [])).rejects.toThrow(/peers directory/);
    expect(ran).toEqual([]);
  });
});
