import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseNeighbors, type ImportedNeighbor } from '@/lib/import/parse';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/router-configs/${name}`, import.meta.url), 'utf8');

const session = (fields: Pick<ImportedNeighbor, 'peerIp' | 'line'> & Partial<ImportedNeighbor>): ImportedNeighbor => ({
  remoteAsn: null, description: null, peerGroup: null, localAddress: null, hasMd5: false, maxPrefixes: null,
  addressFamily: fields.peerIp.includes(':') ? 6 : 4, shutdown: false, ...fields,
});

describe('importing neighbors from EOS', () => {
  it('reads `peer group` members, maximum-routes, and a VRF’s neighbors', () => {
    const { neighbors, warnings } = parseNeighbors('eos', fixture('eos.conf'));

    expect(neighbors).toEqual([
      session({ peerIp: '192.0.2.253', remoteAsn: 8714, peerGroup: 'LINX-RS', description: 'LINX RS1', maxPrefixes: 250000, line: 32 }),
      session({ peerIp: '192.0.2.254', remoteAsn: 8714, peerGroup: 'LINX-RS', description: 'LINX RS2', maxPrefixes: 250000, line: 34 }),
      session({ peerIp: '192.0.2.21', remoteAsn: 64501, peerGroup: 'LINX-PEERS', description: 'AS64501 Example Networks', hasMd5: true, maxPrefixes: 1000, line: 36 }),
      session({ peerIp: '192.0.2.22', remoteAsn: 64502, peerGroup: 'LINX-PEERS', description: 'AS64502 Transit Ltd', hasMd5: true, maxPrefixes: 20000, line: 39 }),
      session({ peerIp: '192.0.2.23', remoteAsn: 65550, peerGroup: 'LINX-PEERS', description: 'AS65550 decommissioned', hasMd5: true, maxPrefixes: 1000, shutdown: true, line: 43 }),
      session({ peerIp: '2001:db8:7::21', remoteAsn: 64501, peerGroup: 'LINX-PEERS-V6', description: 'AS64501 Example Networks v6', hasMd5: true, maxPrefixes: 500, line: 47 }),
      // maximum-routes 0 means no limit
      session({ peerIp: '198.51.100.2', remoteAsn: 64500, description: 'iBGP leaf2.lon1', line: 51 }),
      session({ peerIp: '10.20.0.2', remoteAsn: 65010, description: 'customer-a', maxPrefixes: 100, line: 67 }),
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the older `peer-group` spelling', () => {
    const { neighbors, warnings } = parseNeighbors('eos', fixture('eos-legacy.conf'));

    expect(neighbors).toEqual([
      session({ peerIp: '192.0.2.31', remoteAsn: 64531, peerGroup: 'FRANCE-IX', hasMd5: true, maxPrefixes: 2000, line: 10 }),
      session({ peerIp: '192.0.2.32', remoteAsn: 64532, peerGroup: 'FRANCE-IX', hasMd5: true, maxPrefixes: 12000, line: 12 }),
      session({ peerIp: '2001:db8:7::31', remoteAsn: 64531, description: 'AS64531 v6', shutdown: true, line: 15 }),
    ]);
    expect(warnings).toEqual([]);
  });
});
