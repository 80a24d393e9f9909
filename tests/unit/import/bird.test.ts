import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseNeighbors, type ImportedNeighbor } from '@/lib/import/parse';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/router-configs/${name}`, import.meta.url), 'utf8');

const session = (fields: Pick<ImportedNeighbor, 'peerIp' | 'line'> & Partial<ImportedNeighbor>): ImportedNeighbor => ({
  remoteAsn: null, description: null, peerGroup: null, localAddress: null, hasMd5: false, maxPrefixes: null,
  addressFamily: fields.peerIp.includes(':') ? 6 : 4, shutdown: false, ...fields,
});

describe('importing neighbors from BIRD 2', () => {
  it('reads each protocol bgp, inheriting from chained templates', () => {
    const { neighbors, warnings } = parseNeighbors('bird', fixture('bird.conf'));

    expect(neighbors).toEqual([
      session({ peerIp: '192.0.2.253', remoteAsn: 34307, peerGroup: 'T_NLIX_RS', description: 'NL-ix RS1', localAddress: '192.0.2.10', hasMd5: true, maxPrefixes: 250000, line: 47 }),
      session({ peerIp: '192.0.2.254', remoteAsn: 34307, peerGroup: 'T_NLIX_RS', description: 'NL-ix RS2', localAddress: '192.0.2.10', hasMd5: true, maxPrefixes: 250000, line: 52 }),
      session({ peerIp: '192.0.2.21', remoteAsn: 64501, peerGroup: 'T_NLIX', description: 'AS64501 Example Networks', localAddress: '192.0.2.10', hasMd5: true, maxPrefixes: 1000, line: 57 }),
      session({ peerIp: '192.0.2.22', remoteAsn: 64502, peerGroup: 'T_NLIX', description: 'AS64502 Transit Ltd', localAddress: '192.0.2.10', hasMd5: true, maxPrefixes: 20000, line: 62 }),
      session({ peerIp: '192.0.2.23', remoteAsn: 65550, peerGroup: 'T_NLIX', description: 'AS65550 decommissioned', localAddress: '192.0.2.10', hasMd5: true, maxPrefixes: 1000, shutdown: true, line: 68 }),
      session({ peerIp: '2001:db8:7::21', remoteAsn: 64501, peerGroup: 'T_NLIX_V6', description: 'AS64501 Example Networks v6', localAddress: '2001:db8:7::10', hasMd5: true, maxPrefixes: 500, line: 74 }),
      // `neighbor ... internal` with `local ... as OWN_AS` from a define
      session({ peerIp: '198.51.100.2', remoteAsn: 64500, description: 'iBGP rs-edge2', localAddress: '198.51.100.1', line: 80 }),
      // unnamed protocol, `disabled no`, `import limit off`
      session({ peerIp: '192.0.2.24', remoteAsn: 64504, line: 87 }),
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the lab peer file and says that includes are not followed', () => {
    const text = [
      'template bgp T_IXP { local as 65002; hold time 9; }',
      'include "/etc/bird/peers.d/*.conf";',
      'protocol bgp as65001 from T_IXP {',
      '  description "AS65001 existing";',
      '  neighbor 10.0.12.1 as 65001;',
      '  password "s3cr3t";',
      '  ipv4 { import limit 100 action restart; import all; export where source = RTS_STATIC; };',
      '}',
    ].join('\n');
    const { neighbors, warnings } = parseNeighbors('bird', text);

    expect(neighbors).toEqual([
      session({ peerIp: '10.0.12.1', remoteAsn: 65001, peerGroup: 'T_IXP', description: 'AS65001 existing', hasMd5: true, maxPrefixes: 100, line: 3 }),
    ]);
    expect(warnings).toEqual([{ line: 2, message: 'include "/etc/bird/peers.d/*.conf" is not followed; import that file separately' }]);
  });
});
