import { describe, it, expect } from 'vitest';
import { parseNeighbors } from '@/lib/import/parse';
import { crossCheck } from '@/lib/import/live';

const config = [
  'router bgp 65001',
  ' neighbor 10.0.12.2 remote-as 65002',
  ' neighbor 10.0.12.6 remote-as 65003',
  ' neighbor 2001:DB8:12::2 remote-as external',
].join('\n');
const { neighbors } = parseNeighbors('frr', config);

// `show bgp vrf all neighbors json`: one object per VRF, neighbors keyed by address (or interface)
const state = (neighbors: Record<string, unknown>) => JSON.stringify({ default: { vrfId: 0, vrfName: 'default', ...neighbors } });

describe('checking a live FRR running configuration against the BGP state FRR reports', () => {
  it('says nothing when they agree', () => {
    expect(crossCheck(neighbors, state({ '10.0.12.2': { remoteAs: 65002 }, '10.0.12.6': { remoteAs: 65003 }, '2001:db8:12::2': {} }))).toEqual([]);
  });

  it('points out another AS, an AS FRR learnt, and a neighbor only FRR knows', () => {
    const warnings = crossCheck(
      neighbors,
      state({ '10.0.12.2': { remoteAs: 65002 }, '10.0.12.6': { remoteAs: 65099 }, '2001:db8:12::2': { remoteAs: 65002 }, '10.0.13.9': { remoteAs: 65005 }, swp1: { remoteAs: 65006 } }),
    );
    expect(warnings).toEqual([
      { line: 3, message: 'neighbor 10.0.12.6 is AS65003 in the configuration, but FRR reports AS65099' },
      { line: 4, message: 'neighbor 2001:db8:12::2 has no AS number in the configuration; FRR sees AS65002' },
      { line: 0, message: 'FRR reports neighbor 10.0.13.9, which the running configuration does not list' },
    ]);
  });

  it('says when FRR could not be asked, or answered something else', () => {
    expect(crossCheck(neighbors, null)).toEqual([{ line: 0, message: "could not check against FRR's BGP state: the command failed" }]);
    expect(crossCheck(neighbors, '% Unknown command')[0].message).toMatch(/^could not check against FRR's BGP state: /);
  });
});
