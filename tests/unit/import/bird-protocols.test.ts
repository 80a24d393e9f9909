import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { isBirdProtocolsOutput, parseBirdProtocols, type BirdProtocolNeighbor } from '@/lib/import/bird-protocols';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/router-configs/${name}`, import.meta.url), 'utf8');

const protocol = (fields: Pick<BirdProtocolNeighbor, 'protocol' | 'peerIp' | 'line'> & Partial<BirdProtocolNeighbor>): BirdProtocolNeighbor => ({
  localAsn: 65002, remoteAsn: null, description: null, peerGroup: null, localAddress: null, hasMd5: false, maxPrefixes: null,
  addressFamily: fields.peerIp.includes(':') ? 6 : 4, shutdown: false, ...fields,
});

describe('reading BGP neighbors from `birdc show protocols all`', () => {
  it('reads every BGP protocol of the lab router, whatever its state, and leaves the others out', () => {
    const { neighbors, warnings } = parseBirdProtocols(fixture('bird-protocols.txt'));

    expect(neighbors).toEqual([
      protocol({ protocol: 'as65001', peerIp: '10.0.12.1', remoteAsn: 65001, description: 'AS65001 existing', localAddress: '10.0.12.2', maxPrefixes: 100, line: 19 }),
      protocol({ protocol: 'as64999_v6', peerIp: '2001:db8:12::99', remoteAsn: 64999, description: 'Sample v6', maxPrefixes: 500, line: 70 }),
      // state `down`: disabled on the router; a 32-bit AS number
      protocol({ protocol: 'off1', peerIp: '10.0.13.77', remoteAsn: 4200000001, shutdown: true, line: 85 }),
      // `neighbor ... internal`: BIRD reports our own AS as the neighbor's
      protocol({ protocol: 'ibgp1', peerIp: '10.0.13.78', remoteAsn: 65002, line: 97 }),
    ]);
    expect(warnings).toEqual([]);
  });

  it('takes the limit of the channel that matches the neighbor, and the local AS each protocol speaks as', () => {
    const text = [
      'BIRD 2.0.12 ready.',
      'Name       Proto      Table      State  Since         Info',
      'dual       BGP        ---        up     10:00:01.123  Established',
      '  BGP state:          Established',
      '    Neighbor address: 2001:DB8:7::21',
      '    Neighbor AS:      64501',
      '    Local AS:         64499',
      '  Channel ipv4',
      '    Import limit:   1000',
      '  Channel ipv6',
      '    Receive limit:  300',
      '    Import limit:   200',
    ].join('\n');

    expect(parseBirdProtocols(text).neighbors).toEqual([
      protocol({ protocol: 'dual', peerIp: '2001:db8:7::21', remoteAsn: 64501, localAsn: 64499, maxPrefixes: 300, line: 3 }),
    ]);
  });

  it('says why a protocol gives no neighbor: dynamic ranges, no address, no remote AS', () => {
    const text = [
      'Name       Proto      Table      State  Since         Info',
      'dyn        BGP        ---        start  10:00:01.123  Passive',
      '    Neighbor range:   10.0.0.0/24',
      'broken     BGP        ---        down   10:00:01.123',
      '  BGP state:          Down',
      'scoped     BGP        ---        start  10:00:01.123  Active',
      '    Neighbor address: fe80::1%eth0',
    ].join('\n');
    const { neighbors, warnings } = parseBirdProtocols(text);

    // kept as BIRD shows it: the import plan skips it as an invalid IP address
    expect(neighbors).toEqual([protocol({ protocol: 'scoped', peerIp: 'fe80::1%eth0', addressFamily: 6, localAsn: null, line: 6 })]);
    expect(warnings).toEqual([
      { line: 2, message: 'protocol dyn accepts any neighbor in 10.0.0.0/24; dynamic sessions are not imported' },
      { line: 4, message: 'protocol broken has no neighbor address; skipped' },
      { line: 6, message: 'neighbor fe80::1%eth0 has no remote AS' },
    ]);
  });

  it('finds nothing in text that is not BIRD output, and says so', () => {
    expect(parseBirdProtocols('router bgp 65001\n neighbor 10.0.0.1 remote-as 65002\n')).toEqual({
      neighbors: [],
      warnings: [{ line: 1, message: 'no BGP protocols found in this BIRD output' }],
    });
  });

  it('tells `show protocols all` output from a bird.conf', () => {
    expect(isBirdProtocolsOutput(fixture('bird-protocols.txt'))).toBe(true);
    expect(isBirdProtocolsOutput(fixture('bird.conf'))).toBe(false);
  });
});
