import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseNeighbors, type ImportedNeighbor } from '@/lib/import/parse';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/router-configs/${name}`, import.meta.url), 'utf8');

const session = (fields: Pick<ImportedNeighbor, 'peerIp' | 'line'> & Partial<ImportedNeighbor>): ImportedNeighbor => ({
  remoteAsn: null, description: null, peerGroup: null, localAddress: null, hasMd5: false, maxPrefixes: null,
  addressFamily: fields.peerIp.includes(':') ? 6 : 4, shutdown: false, ...fields,
});

// junos.conf and junos-set.conf are the same router shown both ways; only the lines differ.
const amsterdam = (lines: number[]) => [
  session({ peerIp: '192.0.2.253', remoteAsn: 6777, peerGroup: 'AMSIX-RS', description: 'AMS-IX RS1', localAddress: '192.0.2.10', maxPrefixes: 250000, line: lines[0] }),
  session({ peerIp: '192.0.2.254', remoteAsn: 6777, peerGroup: 'AMSIX-RS', description: 'AMS-IX RS2', localAddress: '192.0.2.10', maxPrefixes: 250000, line: lines[1] }),
  session({ peerIp: '192.0.2.21', remoteAsn: 64501, peerGroup: 'AMSIX-PEERS', description: 'AS64501 Example Networks', hasMd5: true, maxPrefixes: 1000, line: lines[2] }),
  session({ peerIp: '192.0.2.22', remoteAsn: 64502, peerGroup: 'AMSIX-PEERS', description: 'AS64502 Transit Ltd', hasMd5: true, maxPrefixes: 20000, line: lines[3] }),
  session({ peerIp: '192.0.2.23', remoteAsn: 65550, peerGroup: 'AMSIX-PEERS', description: 'AS65550 decommissioned', hasMd5: true, maxPrefixes: 1000, shutdown: true, line: lines[4] }),
  session({ peerIp: '2001:db8:7::21', remoteAsn: 64501, peerGroup: 'AMSIX-PEERS', description: 'AS64501 Example Networks v6', localAddress: '2001:db8:7::10', hasMd5: true, maxPrefixes: 500, line: lines[5] }),
  session({ peerIp: '198.51.100.2', remoteAsn: 64500, peerGroup: 'IBGP', description: 'iBGP mx2.ams1', localAddress: '198.51.100.1', line: lines[6] }),
];

describe('importing neighbors from Junos', () => {
  it('reads the hierarchical configuration; an inactive neighbor is imported as shut down', () => {
    const { neighbors, warnings } = parseNeighbors('junos', fixture('junos.conf'));

    expect(neighbors).toEqual(amsterdam([38, 41, 65, 69, 81, 85, 97]));
    expect(warnings).toEqual([]);
  });

  it('reads the same router from `display set` output, including deactivate', () => {
    const { neighbors, warnings } = parseNeighbors('junos', fixture('junos-set.conf'));

    expect(neighbors).toEqual(amsterdam([14, 15, 23, 25, 28, 30, 36]));
    expect(warnings).toEqual([]);
  });

  it('ignores an inactive attribute but keeps the neighbor', () => {
    const text = 'protocols {\n bgp {\n  group G {\n   neighbor 192.0.2.9 {\n    inactive: peer-as 64509;\n    peer-as 64510;\n   }\n  }\n }\n}\n';

    expect(parseNeighbors('junos', text).neighbors).toEqual([session({ peerIp: '192.0.2.9', remoteAsn: 64510, peerGroup: 'G', line: 4 })]);
  });
});
