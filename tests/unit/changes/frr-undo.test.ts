import { describe, expect, it } from 'vitest';
import { frrUndo } from '@/lib/config/drivers/frr-undo';
import { routerRow } from '../../support/router-fixture';

const router = routerRow({ name: 'r1', platform: 'frr', localAsn: 65001 });
const saved = ['router bgp 65001', ' neighbor IXP peer-group', ' neighbor IXP timers 3 9', ' neighbor 10.0.12.2 remote-as 65002', ' neighbor 10.0.12.2 peer-group IXP', 'exit', '!'].join('\n');
const neighbor = { sessionId: 1, peerIp: '10.0.13.2', peerAsn: 65003, localAsn: 65001, localIp: null, family: 4 as const, peerGroup: 'IXP', description: null, md5: null, maxPrefixes: null, type: 'peer' as const, adminDown: false, key: 'pd' };

describe('undoing an FRR push', () => {
  it('removes a neighbor the push created whole, and negates the other lines it added', () => {
    const applied = ['router bgp 65001', ' neighbor IXP shutdown', ' neighbor 10.0.13.2 remote-as 65003', ' neighbor 10.0.13.2 peer-group IXP', ' address-family ipv4 unicast', '  neighbor 10.0.13.2 activate', ' exit-address-family', 'exit'].join('\n');
    expect(frrUndo(router, [neighbor], applied, saved)).toBe(['router bgp 65001', ' no neighbor IXP shutdown', 'exit', 'router bgp 65001', ' no neighbor 10.0.13.2', 'exit', ''].join('\n'));
  });

  it('puts back a setting the push replaced, and leaves lines that were already there alone', () => {
    const applied = ['router bgp 65001', ' neighbor IXP timers 5 15', ' neighbor 10.0.12.2 remote-as 65002', 'exit'].join('\n');
    expect(frrUndo(router, [], applied, saved)).toBe(['router bgp 65001', ' no neighbor IXP timers 5 15', 'exit', 'router bgp 65001', ' neighbor IXP timers 3 9', 'exit', ''].join('\n'));
  });
});
