import { describe, expect, it } from 'vitest';
import { parseProtocols, setDisabled } from '@/lib/config/drivers/bird';
import { neighborLines } from '@/lib/config/drivers/frr';
import type { NeighborSpec } from '@/lib/config/drivers/types';
import { routerRow } from '../../support/router-fixture';

const n = (peerIp: string) => ({ peerIp }) as NeighborSpec;

describe('FRR running config', () => {
  const running = [
    'frr version 8.4.4',
    'router bgp 65001',
    ' neighbor IXP peer-group',
    ' neighbor 10.0.12.2 remote-as 65002',
    ' neighbor 10.0.12.20 remote-as 65020',
    ' neighbor 2001:DB8::2 remote-as 65002',
    ' !',
    ' address-family ipv4 unicast',
    '  neighbor 10.0.12.2 activate',
    '  neighbor 10.0.12.20 activate',
    ' exit-address-family',
    ' !',
    ' address-family ipv6 unicast',
    '  neighbor 2001:DB8::2 activate',
    ' exit-address-family',
    'exit',
    'router bgp 65001 vrf other',
    ' neighbor 10.0.12.2 remote-as 65099',
    'exit',
  ].join('\n');

  it('keeps only the lines of these neighbors (not a longer address that starts the same), in their context', () => {
    expect(neighborLines(running, routerRow({ name: 'r1', platform: 'frr' }), [n('10.0.12.2'), n('2001:db8::2')])).toBe(
      [
        'router bgp 65001',
        ' neighbor 10.0.12.2 remote-as 65002',
        ' address-family ipv4 unicast',
        '  neighbor 10.0.12.2 activate',
        ' exit-address-family',
        'exit',
        'router bgp 65001',
        ' neighbor 2001:DB8::2 remote-as 65002',
        ' address-family ipv6 unicast',
        '  neighbor 2001:DB8::2 activate',
        ' exit-address-family',
        'exit',
        '',
      ].join('\n'),
    );
  });

  it('reads the router VRF block when the router has one, and gives nothing for an unknown neighbor', () => {
    expect(neighborLines(running, routerRow({ name: 'r1', platform: 'frr', vrf: 'other' }), [n('10.0.12.2')])).toBe('router bgp 65001 vrf other\n neighbor 10.0.12.2 remote-as 65099\nexit\n');
    expect(neighborLines(running, routerRow({ name: 'r1', platform: 'frr' }), [n('10.0.12.3')])).toBe('');
  });
});

describe('BIRD peer files', () => {
  const file = 'protocol bgp pd_as65001_10_0_13_1 from IXP {\n  neighbor 10.0.13.1 as 65001;\n}\n';

  it('admin down adds `disabled yes;` inside the protocol, admin up takes it out again byte for byte', () => {
    const down = setDisabled(file, true);
    expect(down).toBe('protocol bgp pd_as65001_10_0_13_1 from IXP {\n  disabled yes;\n  neighbor 10.0.13.1 as 65001;\n}\n');
    expect(setDisabled(down, true)).toBe(down);
    expect(setDisabled(down, false)).toBe(file);
  });

  it('reads show protocols all into blocks by name', () => {
    const out = [
      'BIRD 2.0.12 ready.',
      'Name       Proto      Table      State  Since         Info',
      'static1    Static     master4    up     2026-11-28 03:18:22  ',
      '  Channel ipv4',
      '    Routes:         2 imported, 0 exported, 2 preferred',
      '',
      'pd_x       BGP        ---        start  2026-11-28 03:18:23  Active        Socket: Connection refused',
      '  BGP state:          Active',
      '    Last error:       Socket: Connection refused',
    ].join('\n');
    const p = parseProtocols(out);
    expect([...p.keys()]).toEqual(['pd_x']);
    expect(p.get('pd_x')).toMatchObject({ state: 'start', info: 'Active        Socket: Connection refused' });
    expect(p.get('pd_x')!.body).toContain('Last error:       Socket: Connection refused');
  });
});
