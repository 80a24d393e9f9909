import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bgpSessions, pdbExchanges, pdbNetworks, peerGroups, routers, templates } from '@/db/schema';
import { renderSessions } from '@/lib/config/render';
import { builtinConfigTemplate } from '@/lib/templates/defaults';
import { quoteFor } from '@/lib/templates/quoting';
import { encryptSecret } from '@/lib/crypto/secrets';
import { useTestDatabase } from '../support/test-database';
import { hostileValues } from '../unit/templates/hostile-corpus';

useTestDatabase();

const run = promisify(execFile);
const socket = process.env.LAB_FRR_VTY_SOCKET;
const configDir = process.env.LAB_FRR_CONFIG_DIR;
if (!socket || !configDir) {
  throw new Error('BGP lab env missing: start the lab with `bash scripts/labs/bgp-lab.sh up && eval "$(bash scripts/labs/bgp-lab.sh env)"`');
}

const vtysh = (...args: string[]) => run('vtysh', ['--vty_socket', socket, '--config_dir', configDir, ...args]);
const work = mkdtempSync(path.join(tmpdir(), 'pd-hostile-'));
// PostgreSQL text cannot hold NUL: the value that carries one is stored with another control character.
const stored = hostileValues.map(({ value }) => value.replace(/\u0000/g, '\u0001'));
// A key with every character keys may hold besides letters and digits.
const KEY = 'Ab-_.,:+=/@%^&*()[]<>~9';
const ips = hostileValues.map((_, i) => `10.0.13.${100 + i}`);
const peerAsn = (i: number) => 64600 + i;

/** Every PeeringDB text a template can read, in one description. */
const peeringDbDescription = (platform: 'frr' | 'bird') =>
  `peer.name | append: " " | append: peer.policy | append: " " | append: peer.as_set | append: " " | append: exchange.name | append: " " | append: router.name | quote_${platform}`;

/**
 * One session per hostile value, which is its description, its peer network's PeeringDB name,
 * policy and AS-SET, and its exchange's name; written to the database as an import or a PeeringDB
 * sync would, past the forms' validation.
 */
async function hostileSessions(platform: 'frr' | 'bird') {
  const [router] = await db().insert(routers).values({ name: `${platform} "r"; }\n evil`, hostname: platform, platform, localAsn: 65001 }).returning();
  const [group] = await db().insert(peerGroups).values({ routerId: router.id, name: 'LAB-V4', family: 4 }).returning();
  await db()
    .insert(pdbNetworks)
    .values(stored.map((value, i) => ({ id: 9000 + i, asn: peerAsn(i), name: value, policyGeneral: value, irrAsSet: value })));
  await db().insert(pdbExchanges).values(stored.map((value, i) => ({ id: 9000 + i, name: value })));
  const rows = await db()
    .insert(bgpSessions)
    .values(
      stored.map((value, i) => ({
        routerId: router.id,
        ixId: 9000 + i,
        peerGroupId: platform === 'bird' && i % 2 ? group.id : null,
        localAsn: 65001,
        peerAsn: peerAsn(i),
        peerIp: ips[i],
        md5Enc: encryptSecret(KEY),
        maxPrefixes: 100,
        description: value,
      })),
    )
    .returning();
  return rows.map((r) => r.id);
}

async function render(platform: 'frr' | 'bird', body?: string) {
  const ids = await hostileSessions(platform);
  const [custom] = body ? await db().insert(templates).values({ kind: 'config', platform, name: `PeeringDB texts ${platform}`, body }).returning() : [];
  const [rendered] = await renderSessions(db(), ids, { templateId: custom?.id });
  return rendered.sections.map((s) => s.text).join('\n');
}

const customBody = (platform: 'frr' | 'bird') => builtinConfigTemplate(platform).body.replace(`session.description | quote_${platform}`, peeringDbDescription(platform));

async function frrNeighbors(): Promise<Record<string, { remoteAs: number; nbrDesc?: string }>> {
  return JSON.parse((await vtysh('-c', 'show bgp neighbors json')).stdout);
}

/** The FRR statements that make a neighbor: exactly one `remote-as` per intended address, none for another. */
function expectFrrNeighbors(text: string) {
  const remoteAs = [...text.matchAll(/^\s*neighbor (\S+) remote-as (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
  expect(remoteAs).toEqual(ips.map((ip, i) => `${ip} ${peerAsn(i)}`));
  const named = new Set([...text.matchAll(/^\s*(?:no )?neighbor (\S+)/gm)].map((m) => m[1]));
  expect([...named].sort()).toEqual([...ips].sort());
  expect(text.match(/^router bgp /gm)).toHaveLength(ips.length);
}

beforeAll(async () => {
  await vtysh('-c', 'configure terminal', '-c', 'route-map PEER-IN permit 10', '-c', 'route-map PEER-OUT permit 10');
});

afterAll(async () => {
  await vtysh('-c', 'configure terminal', '-c', 'router bgp 65001', ...ips.flatMap((ip) => ['-c', `no neighbor ${ip}`]));
  rmSync(work, { recursive: true, force: true });
});

describe('hostile values rendered with the built-in FRR template', () => {
  it('pass vtysh --dryrun, make exactly one neighbor each, and reach FRR as one inert description', async () => {
    const text = await render('frr');
    expectFrrNeighbors(text);
    const file = path.join(work, 'frr.conf');
    writeFileSync(file, text);
    await vtysh('--dryrun', '-f', file);
    const applied = await vtysh('-f', file);
    expect(applied.stdout + applied.stderr).not.toMatch(/%|Unknown|error/i);

    const neighbors = await frrNeighbors();
    expect(Object.keys(neighbors).filter((ip) => ip.startsWith('10.9.'))).toEqual([]);
    for (const [i, value] of stored.entries()) {
      expect(neighbors[ips[i]]).toMatchObject({ remoteAs: peerAsn(i), nbrDesc: quoteFor('frr', value) });
    }
    expect((await vtysh('-c', 'show running-config bgpd')).stdout).toContain(` neighbor ${ips[0]} password ${KEY}`);
  });

  it('with every PeeringDB text in a custom template through quote_frr, still one neighbor each', async () => {
    const text = await render('frr', customBody('frr'));
    expectFrrNeighbors(text);
    const file = path.join(work, 'frr-pdb.conf');
    writeFileSync(file, text);
    await vtysh('--dryrun', '-f', file);
  });
});

describe('hostile values rendered with the built-in BIRD template', () => {
  const birdConfig = (peers: string) => `router id 10.255.0.9;
protocol device {}
filter PEER_IN { accept; }
filter PEER_OUT { reject; }
template bgp 'LAB-V4' { local as 65001; }
include "${peers}";
`;

  async function birdParses(text: string, name: string) {
    const peers = path.join(work, `${name}-peers.conf`);
    const conf = path.join(work, `${name}.conf`);
    writeFileSync(peers, text);
    writeFileSync(conf, birdConfig(peers));
    const parsed = await run('bird', ['-p', '-c', conf]);
    expect(parsed.stderr).toBe('');
  }

  /** One protocol per session, every one closed where it opened: the braces balance line by line. */
  function expectBirdProtocols(text: string) {
    expect([...text.matchAll(/^protocol bgp (\S+)/gm)].map((m) => m[1])).toEqual(ips.map((ip, i) => `pd_as${peerAsn(i)}_${ip.replace(/\./g, '_')}`));
    expect([...text.matchAll(/^\s*neighbor (\S+) as (\d+);$/gm)].map((m) => m[1])).toEqual(ips);
    expect(text.match(/^\s*password "[^"\n]*";$/gm)).toHaveLength(ips.length);
  }

  it('parse with bird -p and make exactly one protocol each', async () => {
    const text = await render('bird');
    expectBirdProtocols(text);
    expect(text).toContain(" from 'LAB-V4' {");
    await birdParses(text, 'bird');
  });

  it('with every PeeringDB text in a custom template through quote_bird, still one protocol each', async () => {
    const text = await render('bird', customBody('bird'));
    expectBirdProtocols(text);
    await birdParses(text, 'bird-pdb');
  });
});
