import { describe, it, expect } from 'vitest';
import { parseNeighbors, type RouterPlatform } from '@/lib/import/parse';

const COUNT = 5000;

// every fourth neighbor is IPv6, every seventh shut down, groups of 250 share settings
const peer = (i: number) => ({
  ip: i % 4 === 3 ? `2001:db8:${Math.floor(i / 65536).toString(16)}::${(i % 65536).toString(16)}` : `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`,
  asn: 64512 + (i % 1000),
  group: `G${Math.floor(i / 250)}`,
  family: i % 4 === 3 ? 'ipv6' : 'ipv4',
  shutdown: i % 7 === 0,
});
const peers = Array.from({ length: COUNT }, (_, i) => peer(i));
const groups = [...new Set(peers.map((p) => p.group))];

const lines = (build: (p: ReturnType<typeof peer>, i: number) => string[]) => peers.flatMap(build).join('\n');

const CONFIGS: Record<string, [RouterPlatform, () => string]> = {
  iosxr: ['iosxr', () => [
    'router bgp 64500',
    ...groups.flatMap((g) => [` neighbor-group ${g}`, '  password encrypted 094F471A1A0A464058', '  address-family ipv4 unicast', '   maximum-prefix 1000 80', '  !', '  address-family ipv6 unicast', '   maximum-prefix 500', '  !', ' !']),
    lines((p, i) => [` neighbor ${p.ip}`, `  remote-as ${p.asn}`, `  use neighbor-group ${p.group}`, `  description peer ${i}`, ...(p.shutdown ? ['  shutdown'] : []), ' !']),
  ].join('\n')],
  junos: ['junos', () => [
    'protocols {', '    bgp {',
    ...groups.flatMap((g) => [
      `        group ${g} {`, '            type external;', '            authentication-key "$9$abc";',
      '            family inet { unicast { prefix-limit { maximum 1000; } } }',
      ...peers.filter((p) => p.group === g).flatMap((p) => [`            ${p.shutdown ? 'inactive: ' : ''}neighbor ${p.ip} {`, `                peer-as ${p.asn};`, '            }']),
      '        }',
    ]),
    '    }', '}',
  ].join('\n')],
  'junos (set)': ['junos', () => lines((p) => [
    `set protocols bgp group ${p.group} neighbor ${p.ip} peer-as ${p.asn}`,
    `set protocols bgp group ${p.group} neighbor ${p.ip} family inet unicast prefix-limit maximum 1000`,
    ...(p.shutdown ? [`deactivate protocols bgp group ${p.group} neighbor ${p.ip}`] : []),
  ])],
  eos: ['eos', () => [
    'router bgp 64500',
    ...groups.flatMap((g) => [`   neighbor ${g} peer group`, `   neighbor ${g} password 7 AQQVNm8s2pIqmiMGQl7MhA==`, `   neighbor ${g} maximum-routes 1000`]),
    lines((p, i) => [`   neighbor ${p.ip} peer group ${p.group}`, `   neighbor ${p.ip} remote-as ${p.asn}`, `   neighbor ${p.ip} description peer ${i}`, ...(p.shutdown ? [`   neighbor ${p.ip} shutdown`] : [])]),
  ].join('\n')],
  frr: ['frr', () => [
    'router bgp 64500',
    ...groups.map((g) => ` neighbor ${g} peer-group`),
    lines((p) => [` neighbor ${p.ip} remote-as ${p.asn}`, ` neighbor ${p.ip} peer-group ${p.group}`, ` neighbor ${p.ip} password secret`, ...(p.shutdown ? [` neighbor ${p.ip} shutdown`] : [])]),
    ' address-family ipv4 unicast',
    lines((p) => (p.family === 'ipv4' ? [`  neighbor ${p.ip} maximum-prefix 1000`] : [])),
    ' exit-address-family',
    'exit',
  ].join('\n')],
  ios: ['ios', () => [
    'router bgp 64500',
    lines((p) => [` neighbor ${p.ip} remote-as ${p.asn}`, ...(p.shutdown ? [` neighbor ${p.ip} shutdown`] : [])]),
    ' address-family ipv4',
    lines((p) => (p.family === 'ipv4' ? [`  neighbor ${p.ip} maximum-prefix 1000 80`] : [])),
    ' exit-address-family',
    '!',
  ].join('\n')],
  bird: ['bird', () => [
    ...groups.map((g) => `template bgp ${g} { local as 64500; password "secret"; ipv4 { import limit 1000 action restart; }; }`),
    lines((p, i) => [
      `protocol bgp p${i} from ${p.group} {`, `  description "peer ${i}";`, `  neighbor ${p.ip} as ${p.asn};`,
      ...(p.shutdown ? ['  disabled;'] : []), `  ${p.family} { import all; export none; };`, '}',
    ]),
  ].join('\n')],
};

describe('importing a 5,000-neighbor configuration', () => {
  it.each(Object.keys(CONFIGS))('%s parses in well under the 5 s budget', (name) => {
    const [platform, build] = CONFIGS[name];
    const text = build();

    const started = performance.now();
    const { neighbors } = parseNeighbors(platform, text);
    const elapsed = performance.now() - started;
    console.log(`${name}: ${COUNT} neighbors, ${(text.length / 1e6).toFixed(1)} MB, ${elapsed.toFixed(0)} ms`);

    expect(neighbors).toHaveLength(COUNT);
    expect(neighbors.filter((n) => n.shutdown)).toHaveLength(peers.filter((p) => p.shutdown).length);
    expect(neighbors.filter((n) => n.addressFamily === 6)).toHaveLength(COUNT / 4);
    expect(neighbors[1]).toMatchObject({ peerIp: peers[1].ip, remoteAsn: peers[1].asn, maxPrefixes: 1000 });
    expect(elapsed).toBeLessThan(2000);
  });
});
