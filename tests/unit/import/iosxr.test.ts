import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseNeighbors, type ImportedNeighbor } from '@/lib/import/parse';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/router-configs/${name}`, import.meta.url), 'utf8');

const session = (fields: Pick<ImportedNeighbor, 'peerIp' | 'line'> & Partial<ImportedNeighbor>): ImportedNeighbor => ({
  remoteAsn: null, description: null, peerGroup: null, localAddress: null, hasMd5: false, maxPrefixes: null,
  addressFamily: fields.peerIp.includes(':') ? 6 : 4, shutdown: false, ...fields,
});

describe('importing neighbors from IOS-XR', () => {
  it('reads every neighbor, taking remote AS, password and maximum-prefix from its neighbor-group', () => {
    const { neighbors, warnings } = parseNeighbors('iosxr', fixture('iosxr.conf'));

    expect(neighbors).toEqual([
      session({ peerIp: '192.0.2.253', remoteAsn: 6695, peerGroup: 'IXP-RS', description: 'DE-CIX route server 1', maxPrefixes: 250000, line: 52 }),
      session({ peerIp: '192.0.2.254', remoteAsn: 6695, peerGroup: 'IXP-RS', description: 'DE-CIX route server 2', maxPrefixes: 250000, line: 56 }),
      session({ peerIp: '192.0.2.21', remoteAsn: 64501, peerGroup: 'IXP-PEERS-V4', description: 'AS64501 Example Networks', hasMd5: true, maxPrefixes: 1000, line: 60 }),
      session({ peerIp: '192.0.2.22', remoteAsn: 64502, peerGroup: 'IXP-PEERS-V4', description: 'AS64502 Transit Ltd', hasMd5: true, maxPrefixes: 20000, line: 65 }),
      session({ peerIp: '192.0.2.23', remoteAsn: 65550, peerGroup: 'IXP-PEERS-V4', description: 'AS65550 decommissioned', hasMd5: true, maxPrefixes: 1000, shutdown: true, line: 73 }),
      session({ peerIp: '2001:db8:7::21', remoteAsn: 64501, peerGroup: 'IXP-PEERS-V6', description: 'AS64501 Example Networks v6', hasMd5: true, maxPrefixes: 500, line: 79 }),
      session({ peerIp: '2001:db8:7::22', remoteAsn: 65546, peerGroup: 'IXP-PEERS-V6', description: 'AS65546 asdot peer', maxPrefixes: 500, line: 85 }),
      session({ peerIp: '198.51.100.2', remoteAsn: 64500, description: 'iBGP edge2.fra1', line: 90 }),
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns about a neighbor-group that is used but never defined', () => {
    const text = 'router bgp 64500\n neighbor 192.0.2.1\n  use neighbor-group MISSING\n !\n!\n';
    const { neighbors, warnings } = parseNeighbors('iosxr', text);

    expect(neighbors).toEqual([session({ peerIp: '192.0.2.1', peerGroup: 'MISSING', line: 2 })]);
    expect(warnings.map((w) => w.message)).toEqual([
      'peer group "MISSING" is not defined',
      'neighbor 192.0.2.1 has no remote AS',
    ]);
  });
});
