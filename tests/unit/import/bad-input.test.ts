import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseNeighbors, type RouterPlatform } from '@/lib/import/parse';

const PLATFORMS: RouterPlatform[] = ['iosxr', 'junos', 'eos', 'frr', 'ios', 'bird'];

// deterministic junk: printable and control characters, braces, quotes, stray keywords
function junk(seed: number, length: number): string {
  const alphabet = 'abc xyz 0123456789 {}[];"\'#/*!\n\t\r\\ neighbor router bgp protocol group set ';
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += alphabet[state % alphabet.length];
  }
  return text;
}

const GARBAGE = [
  '',
  '\u0000\u0001\u0002\uFFFD binary',
  '{"neighbors": [{"ip": "192.0.2.1"}]}',
  '<html><body>router bgp 64500</body></html>',
  '}}}{{{ ;;; """ /* unterminated',
  junk(1, 5000),
  junk(2, 20000),
];

describe('importing text that is not a router configuration', () => {
  it.each(PLATFORMS)('%s: finds no neighbors and says so, without throwing', (platform) => {
    for (const text of GARBAGE) {
      const { neighbors, warnings } = parseNeighbors(platform, text);

      expect(neighbors).toEqual([]);
      expect(warnings.at(-1)?.message).toMatch(/^no BGP neighbors found in this .+ configuration$/);
      expect(warnings.every((w) => w.line >= 1)).toBe(true);
    }
  });

  it('skips a neighbor whose address is not an IP, with a warning on its line', () => {
    const text = 'router bgp 64500\n neighbor 192.0.2.300 remote-as 64501\n neighbor 192.0.2.1 remote-as 64501\n';
    const { neighbors, warnings } = parseNeighbors('frr', text);

    expect(neighbors.map((n) => n.peerIp)).toEqual(['192.0.2.1']);
    expect(warnings).toEqual([{ line: 2, message: '"192.0.2.300" is not an IP address; neighbor skipped' }]);
  });

  it('warns about an AS number it cannot read and imports the neighbor without one', () => {
    const { neighbors, warnings } = parseNeighbors('eos', 'router bgp 64500\n   neighbor 192.0.2.1 remote-as 99999999999\n');

    expect(neighbors).toMatchObject([{ peerIp: '192.0.2.1', remoteAsn: null }]);
    expect(warnings.map((w) => w.message)).toEqual(['invalid AS number "99999999999"', 'neighbor 192.0.2.1 has no remote AS']);
  });
});

describe('MD5 passwords', () => {
  const secrets: [RouterPlatform, string, string[]][] = [
    ['iosxr', 'iosxr.conf', ['094F471A1A0A464058', '13061E010803557878']],
    ['junos', 'junos.conf', ['$9$Hk5FCA0IhruOrlM87-Vb2aZGjHqf5F']],
    ['junos', 'junos-set.conf', ['$9$Hk5FCA0IhruOrlM87-Vb2aZGjHqf5F']],
    ['eos', 'eos.conf', ['AQQVNm8s2pIqmiMGQl7MhA==', 'Zx1Ge0IpCbmkhMCHLzOLgw==']],
    ['frr', 'frr.conf', ['ixp-shared-secret', 'v6-secret']],
    ['frr', 'frr-lab.conf', ['s3cr3t']],
    ['ios', 'ios.conf', ['0822455D0A16544541']],
    ['bird', 'bird.conf', ['nlix-shared', 'v6-secret']],
  ];

  it.each(secrets)('%s (%s): only whether one is set is imported, never the password', (platform, file, passwords) => {
    const text = readFileSync(new URL(`../../fixtures/router-configs/${file}`, import.meta.url), 'utf8');
    const imported = JSON.stringify(parseNeighbors(platform, text));

    for (const password of passwords) expect(imported).not.toContain(password);
    expect(imported).toContain('"hasMd5":true');
  });
});

describe('nesting deeper than any router writes', () => {
  it('a block nested 10,000 deep is skipped with a warning, and the neighbors around it are read', () => {
    const deep = `${'a {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}`;
    const text = `protocols { bgp { group IXP { neighbor 192.0.2.1 { peer-as 65001; } } } }\n${deep}protocols { bgp { group IXP { neighbor 192.0.2.2 { peer-as 65002; } } } }\n`;
    const { neighbors, warnings } = parseNeighbors('junos', text);
    expect(neighbors.map((n) => n.peerIp)).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(warnings).toContainEqual({ line: 66, message: 'nested deeper than 64 levels: this block is not read' });
  });
});
