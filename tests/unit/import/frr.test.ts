import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseNeighbors, type ImportedNeighbor } from '@/lib/import/parse';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/router-configs/${name}`, import.meta.url), 'utf8');

const session = (fields: Pick<ImportedNeighbor, 'peerIp' | 'line'> & Partial<ImportedNeighbor>): ImportedNeighbor => ({
  remoteAsn: null, description: null, peerGroup: null, localAddress: null, hasMd5: false, maxPrefixes: null,
  addressFamily: fields.peerIp.includes(':') ? 6 : 4, shutdown: false, ...fields,
});

describe('importing neighbors from FRR', () => {
  it('reads the lab router’s own configuration', () => {
    const { neighbors, warnings } = parseNeighbors('frr', fixture('frr-lab.conf'));

    expect(neighbors).toEqual([
      session({ peerIp: '10.0.12.2', remoteAsn: 65002, peerGroup: 'IXP', description: 'AS65002 existing', hasMd5: true, maxPrefixes: 100, line: 13 }),
    ]);
    expect(warnings).toEqual([]);
  });

  it('takes remote AS, password and per-family maximum-prefix from peer groups', () => {
    const { neighbors, warnings } = parseNeighbors('frr', fixture('frr.conf'));

    expect(neighbors).toEqual([
      session({ peerIp: '192.0.2.253', remoteAsn: 6695, peerGroup: 'RS', description: 'DE-CIX RS1', maxPrefixes: 250000, line: 27 }),
      session({ peerIp: '192.0.2.21', remoteAsn: 64501, peerGroup: 'IXP4', description: 'AS64501 Example Networks', hasMd5: true, maxPrefixes: 1000, line: 29 }),
      session({ peerIp: '192.0.2.22', remoteAsn: 64502, peerGroup: 'IXP4', description: 'AS64502 Transit Ltd', hasMd5: true, maxPrefixes: 20000, line: 32 }),
      session({ peerIp: '192.0.2.23', remoteAsn: 65550, peerGroup: 'IXP4', description: 'AS65550 decommissioned', hasMd5: true, maxPrefixes: 1000, shutdown: true, line: 35 }),
      session({ peerIp: '2001:db8:7::21', remoteAsn: 64501, peerGroup: 'IXP6', description: 'AS64501 Example Networks v6', hasMd5: true, maxPrefixes: 500, line: 39 }),
      session({ peerIp: '2001:db8:7::22', peerGroup: 'IXP6', maxPrefixes: 500, line: 43 }),
      session({ peerIp: '198.51.100.2', remoteAsn: 64500, description: 'iBGP rs-edge2', localAddress: '198.51.100.1', line: 44 }),
    ]);
    expect(warnings).toEqual([
      { line: 43, message: 'neighbor 2001:db8:7::22 has no remote AS' },
      { line: 47, message: 'unnumbered neighbor on interface swp1 has no peer IP; skipped' },
    ]);
  });
});

describe('importing neighbors from classic IOS', () => {
  it('reads peer-group members and maximum-prefix per address family', () => {
    const { neighbors, warnings } = parseNeighbors('ios', fixture('ios.conf'));

    expect(neighbors).toEqual([
      session({ peerIp: '192.0.2.41', remoteAsn: 64541, peerGroup: 'MIX-PEERS', description: 'AS64541 Peer One', hasMd5: true, maxPrefixes: 1500, line: 18 }),
      session({ peerIp: '192.0.2.42', remoteAsn: 64542, peerGroup: 'MIX-PEERS', hasMd5: true, maxPrefixes: 1500, shutdown: true, line: 21 }),
      session({ peerIp: '2001:db8:7::41', remoteAsn: 64541, description: 'AS64541 Peer One v6', maxPrefixes: 300, line: 24 }),
      session({ peerIp: '198.51.100.2', remoteAsn: 64500, line: 26 }),
    ]);
    expect(warnings).toEqual([]);
  });
});
