import { afterEach, describe, expect, it } from 'vitest';
import type { Platform, Router } from '@/db/schema';
import { driverFor, PushError, type NeighborSpec, type PushPlan } from '@/lib/config/drivers';
import { connectRouter, RouterConnectionError } from '@/lib/config/transport';
import { encryptSecret } from '@/lib/crypto/secrets';
import { routerRow } from '../support/router-fixture';
import { startScriptedSshServer, type ScriptReply, type ScriptSession, type ScriptedSshServer } from '../support/scripted-ssh-server';
import { useTestDatabase } from '../support/test-database';

// connectRouter pins the scripted server's host key in the routers table.
useTestDatabase();

type Fail = { line?: RegExp; commit?: boolean; hangOn?: RegExp };

/** What each platform's CLI says, close enough to the real thing for the drivers' parsing. */
const devices: Record<'iosxr' | 'junos' | 'eos' | 'sros' | 'ios', { prompt: (mode: string) => string; script: (fail: Fail) => (c: string, s: ScriptSession) => ScriptReply | undefined }> = {
  junos: {
    prompt: (mode) => (mode === 'exec' ? 'peerdesk@r1> ' : mode === 'load' ? '' : '\n[edit]\npeerdesk@r1# '),
    script: (fail) => (c, s) => {
      if (s.mode === 'load') return c === '^D' ? { output: 'load complete', mode: 'config' } : { prompt: false };
      if (c === 'configure private') return { output: 'warning: uncommitted changes will be discarded on exit\nEntering configuration mode', mode: 'config' };
      if (c === 'load set terminal') return { output: '[Type ^D at a new line to end input]', prompt: false, mode: 'load' };
      if (c === 'commit check')
        return fail.commit
          ? "[edit protocols bgp group IXP neighbor 192.0.2.1]\n  'import'\n    Policy PEER-IN must be defined before it is referenced\nerror: configuration check-out failed"
          : 'configuration check succeeds';
      if (c === 'commit and-quit') return { output: 'commit complete\nExiting configuration mode', mode: 'exec' };
      if (c === 'rollback 0') return 'load complete';
      if (c === 'exit configuration-mode') return { output: 'Exiting configuration mode', mode: 'exec' };
      if (c.startsWith('show configuration protocols bgp'))
        return 'set protocols bgp group IXP type external\nset protocols bgp group IXP neighbor 192.0.2.1 peer-as 64501\nset protocols bgp group IXP neighbor 192.0.2.10 peer-as 64510';
    },
  },
  iosxr: {
    prompt: (mode) => (mode === 'exec' ? 'RP/0/RP0/CPU0:r1#' : 'RP/0/RP0/CPU0:r1(config)#'),
    script: (fail) => (c) => {
      if (c === 'configure') return { mode: 'config' };
      if (fail.line?.test(c)) return "                      ^\n% Invalid input detected at '^' marker.";
      if (c === 'commit' && fail.commit)
        return "\n% Failed to commit one or more configuration items during a pseudo-atomic operation. All changes made have been reverted. Please issue 'show configuration failed [inheritance]' from this session to view the errors";
      if (c === 'show configuration failed') return '!! SEMANTIC ERRORS: This configuration was rejected by\n!! the system due to semantic errors.\nrouter bgp 65001\n neighbor 192.0.2.1\n  address-family ipv4 unicast\n   route-policy PEER-IN in\n!!% Policy [PEER-IN] not defined';
      if (c === 'abort' || c === 'end') return { mode: 'exec' };
      if (c === 'show running-config router bgp')
        return 'router bgp 65001\n neighbor 192.0.2.1\n  remote-as 64501\n  address-family ipv4 unicast\n   route-policy PEER-IN in\n  !\n !\n neighbor 192.0.2.10\n  remote-as 64510\n !\n!';
    },
  },
  eos: {
    prompt: (mode) => (mode === 'exec' ? 'r1#' : 'r1(config-s-peerde)#'),
    script: (fail) => (c) => {
      if (c.startsWith('configure session ')) return { mode: 'config' };
      if (fail.line?.test(c)) return "% Invalid input (at token 3: 'maximum-routes')";
      if (c === 'commit' || c === 'abort') return { mode: 'exec' };
      if (c === 'write memory') return 'Copy completed successfully.';
    },
  },
  sros: {
    prompt: (mode) => (mode === 'exec' ? '\n[/]\nA:admin@r1# ' : '\n*(pr)[/]\nA:admin@r1# '),
    script: (fail) => (c) => {
      if (c === 'edit-config private') return { output: 'INFO: CLI #2070: Entering private configuration mode\nINFO: CLI #2061: Uncommitted changes are discarded on configuration mode exit', mode: 'config' };
      if (fail.line?.test(c)) return 'MINOR: CLI #2069: Operation failed because of an invalid element - \'bogus\'';
      if (c === 'commit' && fail.commit) return 'MINOR: MGMT_CORE #224: configure router "Base" bgp neighbor "192.0.2.1" import policy - Policy "PEER-IN" does not exist';
      if (c === 'quit-config') return { mode: 'exec' };
    },
  },
  ios: {
    prompt: (mode) => (mode === 'exec' ? 'r1#' : 'r1(config)#'),
    script: (fail) => (c) => {
      if (c === 'configure terminal') return { output: 'Enter configuration commands, one per line.  End with CNTL/Z.', mode: 'config' };
      if (fail.line?.test(c)) return "                                   ^\n% Invalid input detected at '^' marker.";
      if (c === 'end') return { mode: 'exec' };
      if (c === 'write memory') return 'Building configuration...\n[OK]';
    },
  },
};

const peers = [1, 2, 3].map(
  (i): NeighborSpec => ({
    sessionId: i,
    peerIp: `192.0.2.${i}`,
    peerAsn: 64500 + i,
    localAsn: 65001,
    localIp: null,
    family: 4,
    peerGroup: 'IXP',
    description: `AS${64500 + i}`,
    md5: null,
    maxPrefixes: 100,
    type: 'peer',
    adminDown: false,
    key: `pd_as${64500 + i}_192_0_2_${i}`,
  }),
);

/** What the built-in templates render for one neighbor (the lines the device must receive). */
const sectionOf: Record<keyof typeof devices, (n: NeighborSpec) => string[]> = {
  junos: (n) => [
    'set protocols bgp group IXP type external',
    `set protocols bgp group IXP neighbor ${n.peerIp} peer-as ${n.peerAsn}`,
    `set protocols bgp group IXP neighbor ${n.peerIp} description "${n.description}"`,
    `set protocols bgp group IXP neighbor ${n.peerIp} family inet unicast prefix-limit maximum ${n.maxPrefixes}`,
    `set protocols bgp group IXP neighbor ${n.peerIp} import PEER-IN`,
    `set protocols bgp group IXP neighbor ${n.peerIp} export PEER-OUT`,
  ],
  iosxr: (n) => ['router bgp 65001', ` neighbor ${n.peerIp}`, `  remote-as ${n.peerAsn}`, '  use neighbor-group IXP', '  address-family ipv4 unicast', `   maximum-prefix ${n.maxPrefixes} 90`, '   route-policy PEER-IN in', '   route-policy PEER-OUT out', '  !', ' !', '!'],
  eos: (n) => ['router bgp 65001', `   neighbor ${n.peerIp} remote-as ${n.peerAsn}`, `   neighbor ${n.peerIp} peer group IXP`, `   neighbor ${n.peerIp} maximum-routes ${n.maxPrefixes}`, '   address-family ipv4', `      neighbor ${n.peerIp} activate`],
  sros: (n) => [
    `/configure router "Base" bgp neighbor "${n.peerIp}" group "IXP"`,
    `/configure router "Base" bgp neighbor "${n.peerIp}" peer-as ${n.peerAsn}`,
    `/configure router "Base" bgp neighbor "${n.peerIp}" import policy ["PEER-IN"]`,
    `/configure router "Base" bgp neighbor "${n.peerIp}" admin-state enable`,
  ],
  ios: (n) => ['router bgp 65001', ` neighbor ${n.peerIp} remote-as ${n.peerAsn}`, ` neighbor ${n.peerIp} peer-group IXP`, ' address-family ipv4 unicast', `  neighbor ${n.peerIp} activate`, `  neighbor ${n.peerIp} maximum-prefix ${n.maxPrefixes}`, ' exit-address-family'],
};

const configurePlan = (platform: keyof typeof devices): PushPlan => ({
  operation: 'configure',
  neighbors: peers,
  sections: peers.map((n) => ({ sessionId: n.sessionId, text: `${sectionOf[platform](n).join('\n')}\n` })),
});
const opPlan = (operation: PushPlan['operation']): PushPlan => ({ operation, neighbors: peers, sections: [] });

/** Commands a platform sends before its candidate, and how it commits: the expected conversation. */
const expected: Record<keyof typeof devices, { setup: string[]; wrap: (lines: string[]) => Array<string | RegExp> }> = {
  junos: { setup: ['set cli screen-length 0', 'set cli screen-width 0'], wrap: (l) => ['configure private', 'load set terminal', ...l, '^D', 'commit check', 'commit and-quit'] },
  iosxr: { setup: ['terminal length 0', 'terminal width 0'], wrap: (l) => ['configure', ...l, 'commit', 'end'] },
  eos: { setup: ['terminal length 0', 'terminal width 32767'], wrap: (l) => [/^configure session peerdesk-1-[a-z0-9]+$/, ...l, 'commit', 'write memory'] },
  sros: { setup: ['environment more false'], wrap: (l) => ['edit-config private', ...l, 'commit', 'quit-config'] },
  ios: { setup: ['terminal length 0'], wrap: (l) => ['configure terminal', ...l, 'end', 'write memory'] },
};

const operationLines: Record<keyof typeof devices, Record<'remove' | 'admin_down' | 'admin_up', string[]>> = {
  junos: {
    remove: peers.map((n) => `delete protocols bgp group IXP neighbor ${n.peerIp}`),
    admin_down: peers.map((n) => `deactivate protocols bgp group IXP neighbor ${n.peerIp}`),
    admin_up: peers.map((n) => `activate protocols bgp group IXP neighbor ${n.peerIp}`),
  },
  iosxr: {
    remove: ['router bgp 65001', ...peers.map((n) => ` no neighbor ${n.peerIp}`), 'root'],
    admin_down: ['router bgp 65001', ...peers.flatMap((n) => [` neighbor ${n.peerIp}`, '  shutdown', ' exit']), 'root'],
    admin_up: ['router bgp 65001', ...peers.flatMap((n) => [` neighbor ${n.peerIp}`, '  no shutdown', ' exit']), 'root'],
  },
  eos: {
    remove: ['router bgp 65001', ...peers.map((n) => `   no neighbor ${n.peerIp}`)],
    admin_down: ['router bgp 65001', ...peers.map((n) => `   neighbor ${n.peerIp} shutdown`)],
    admin_up: ['router bgp 65001', ...peers.map((n) => `   no neighbor ${n.peerIp} shutdown`)],
  },
  sros: {
    remove: peers.map((n) => `/configure router "Base" bgp delete neighbor "${n.peerIp}"`),
    admin_down: peers.map((n) => `/configure router "Base" bgp neighbor "${n.peerIp}" admin-state disable`),
    admin_up: peers.map((n) => `/configure router "Base" bgp neighbor "${n.peerIp}" admin-state enable`),
  },
  ios: {
    remove: ['router bgp 65001', ...peers.map((n) => ` no neighbor ${n.peerIp}`)],
    admin_down: ['router bgp 65001', ...peers.map((n) => ` neighbor ${n.peerIp} shutdown`)],
    admin_up: ['router bgp 65001', ...peers.map((n) => ` no neighbor ${n.peerIp} shutdown`)],
  },
};

let server: ScriptedSshServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function device(platform: keyof typeof devices, fail: Fail = {}, extra: { hangAfterLogin?: boolean } = {}) {
  const d = devices[platform];
  const script = d.script(fail);
  server = await startScriptedSshServer({
    username: 'peerdesk',
    password: 'router-password',
    prompt: d.prompt,
    script: (c, s) => (fail.hangOn?.test(c) ? { hang: true } : script(c, s)),
    ...extra,
  });
  const router: Router = routerRow({
    name: `${platform}-r1`,
    platform: platform as Platform,
    managementAddress: '127.0.0.1',
    sshPort: server.port,
    username: 'peerdesk',
    passwordEnc: encryptSecret('router-password'),
    localAsn: 65001,
  });
  return { server, router };
}

async function push(router: Router, plan: PushPlan, timeoutMs = 5_000) {
  const conn = await connectRouter(router, { timeoutMs });
  try {
    return await driverFor(router.platform).push(conn, router, plan);
  } finally {
    await conn.close();
  }
}

function expectConversation(commands: string[], want: Array<string | RegExp>) {
  expect(commands).toHaveLength(want.length);
  want.forEach((w, i) => (typeof w === 'string' ? expect(commands[i]).toBe(w) : expect(commands[i]).toMatch(w)));
}

const platforms = Object.keys(devices) as Array<keyof typeof devices>;
const commitWords = /^(commit( check| and-quit)?|write memory)$/;

describe.each(platforms)('%s driver over SSH', (platform) => {
  it('pushes 3 sessions in one connection and one commit, with exactly the expected commands', async () => {
    const { server, router } = await device(platform);
    const started = performance.now();
    const { output } = await push(router, configurePlan(platform));
    console.info(`${platform}: push of 3 sessions to the scripted device in ${Math.round(performance.now() - started)} ms`);
    const lines = peers.flatMap((n) => sectionOf[platform](n));
    expectConversation(server.commands, [...expected[platform].setup, ...expected[platform].wrap(lines)]);
    expect(server.connections()).toBe(1);
    expect(server.commands.filter((c) => c === 'commit' || c === 'commit and-quit' || (platform === 'ios' && c === 'write memory'))).toHaveLength(1);
    expect(output).toContain(platform === 'junos' ? 'commit complete' : `> ${lines[0]}`);
    // the candidate the Config Manager shows is exactly these lines
    expect(driverFor(platform).candidate(router, configurePlan(platform))).toBe(lines.map((l) => `${l.trimEnd()}\n`).join(''));
  });

  it.each(['remove', 'admin_down', 'admin_up'] as const)('%s sends the platform commands in one commit', async (operation) => {
    const { server, router } = await device(platform);
    await push(router, opPlan(operation));
    expectConversation(server.commands, [...expected[platform].setup, ...expected[platform].wrap(operationLines[platform][operation])]);
    expect(server.connections()).toBe(1);
  });

  it('a hanging device fails with a timeout within the configured limit', async () => {
    const { router } = await device(platform, { hangOn: platform === 'junos' ? /^commit check$/ : /^(commit|end)$/ });
    const started = performance.now();
    const err = await push(router, configurePlan(platform), 1_500).catch((e: unknown) => e);
    const took = performance.now() - started;
    expect(err).toBeInstanceOf(RouterConnectionError);
    expect(err).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/did not answer ".*" within 1\.5 s/) });
    expect(took).toBeLessThan(3_500);
  });
});

describe('refusals: PushError with the device words, nothing committed', () => {
  it('junos: a failed commit check is rolled back and never committed', async () => {
    const { server, router } = await device('junos', { commit: true });
    const err = await push(router, configurePlan('junos')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PushError);
    expect((err as PushError).message).toContain('Policy PEER-IN must be defined before it is referenced');
    expect((err as PushError).message).toContain('error: configuration check-out failed');
    expect(server.commands.slice(-3)).toEqual(['commit check', 'rollback 0', 'exit configuration-mode']);
    expect(server.commands).not.toContain('commit and-quit');
  });

  it.each(['iosxr', 'eos', 'sros', 'ios'] as const)('%s: a refused line stops the push before any commit', async (platform) => {
    const bad = platform === 'sros' ? /peer-as 64502/ : platform === 'eos' ? /192\.0\.2\.2 maximum-routes/ : /remote-as 64502/;
    const { server, router } = await device(platform, { line: bad });
    const err = await push(router, configurePlan(platform)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PushError);
    const words = { iosxr: "% Invalid input detected at '^' marker.", eos: "% Invalid input (at token 3: 'maximum-routes')", sros: 'MINOR: CLI #2069', ios: "% Invalid input detected at '^' marker." }[platform];
    expect((err as PushError).message).toContain(words);
    expect(server.commands.filter((c) => commitWords.test(c))).toEqual([]);
    const undo = { iosxr: ['abort'], eos: ['abort'], sros: ['discard', 'quit-config'], ios: ['end'] }[platform];
    expect(server.commands.slice(-undo.length)).toEqual(undo);
    expect(server.commands.findIndex((c) => bad.test(c))).toBe(server.commands.length - undo.length - 1);
  });

  it('iosxr: a refused commit shows the failed configuration and aborts', async () => {
    const { server, router } = await device('iosxr', { commit: true });
    const err = await push(router, configurePlan('iosxr')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PushError);
    expect((err as PushError).message).toContain('% Failed to commit one or more configuration items');
    expect((err as PushError).message).toContain('!!% Policy [PEER-IN] not defined');
    expect(server.commands.slice(-3)).toEqual(['commit', 'show configuration failed', 'abort']);
  });

  it('sros: a refused commit is discarded', async () => {
    const { server, router } = await device('sros', { commit: true });
    const err = await push(router, configurePlan('sros')).catch((e: unknown) => e);
    expect((err as PushError).message).toContain('Policy "PEER-IN" does not exist');
    expect(server.commands.slice(-3)).toEqual(['commit', 'discard', 'quit-config']);
  });

  it('a device that never shows a prompt after login times out', async () => {
    const { router } = await device('ios', {}, { hangAfterLogin: true });
    const started = performance.now();
    const err = await push(router, configurePlan('ios'), 1_000).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout', message: expect.stringContaining('with a prompt after login within 1.0 s') });
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('many sessions', () => {
  it.each(['iosxr', 'junos'] as const)('%s: 200 sessions are one connection and one commit', async (platform) => {
    const { server, router } = await device(platform);
    const many = Array.from({ length: 200 }, (_, i) => ({ ...peers[0], sessionId: 100 + i, peerIp: `198.51.${100 + Math.floor(i / 200)}.${i + 1}`, peerAsn: 64600 + i }));
    const started = performance.now();
    await push(router, { operation: 'configure', neighbors: many, sections: many.map((n) => ({ sessionId: n.sessionId, text: sectionOf[platform](n).join('\n') })) });
    console.info(`${platform}: push of 200 sessions to the scripted device in ${Math.round(performance.now() - started)} ms (${server.commands.length} lines)`);
    expect(server.connections()).toBe(1);
    expect(server.commands.filter((c) => /^commit( and-quit)?$/.test(c))).toHaveLength(1);
    expect(server.commands.filter((c) => c.includes('198.51.100.200')).length).toBeGreaterThan(0);
  });
});

describe('running config over SSH', () => {
  it('junos: the set lines of these neighbors only', async () => {
    const { router } = await device('junos');
    const conn = await connectRouter(router, { timeoutMs: 5_000 });
    const text = await driverFor('junos').running(conn, router, [peers[0]]);
    await conn.close();
    expect(text).toBe('set protocols bgp group IXP neighbor 192.0.2.1 peer-as 64501\n');
  });

  it('iosxr: the neighbor block inside router bgp', async () => {
    const { router } = await device('iosxr');
    const conn = await connectRouter(router, { timeoutMs: 5_000 });
    const text = await driverFor('iosxr').running(conn, router, [peers[0]]);
    await conn.close();
    expect(text).toBe('router bgp 65001\n neighbor 192.0.2.1\n  remote-as 64501\n  address-family ipv4 unicast\n   route-policy PEER-IN in\n  !\n !\n!\n');
  });
});
