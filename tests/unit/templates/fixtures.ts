import type { Platform } from '@/db/schema';
import { neighborKey, type ConfigVariables } from '@/lib/templates/variables';
import { unfilteredVariables } from '@/lib/filters/variables';

/** The fixed sessions every platform's golden file is rendered for. */
export function goldenSessions(platform: Platform): Array<{ title: string; vars: ConfigVariables }> {
  const router = { name: 'ams-rtr1', platform, local_asn: 65001 };
  const peer = { name: 'Lab Peer Net', asn: 65002, as_set: 'AS-LABPEER', policy: 'Open', prefixes4: 100, prefixes6: 10 };
  const exchange = { id: 12, name: 'LAB-IX', our_ipv4: '10.0.12.1', our_ipv6: '2001:db8:12::1' };
  const group = platform === 'bird' ? 'IXP' : 'LAB-V4';
  const session = (ip: string, extra: Partial<ConfigVariables['session']>): ConfigVariables['session'] => ({
    id: 1,
    key: neighborKey(65002, ip),
    peer_ip: ip,
    peer_asn: 65002,
    local_ip: null,
    local_asn: 65001,
    family: ip.includes(':') ? 6 : 4,
    description: null,
    md5: null,
    max_prefixes: null,
    type: 'peer',
    peer_group: null,
    admin_down: false,
    ...extra,
  });
  return [
    {
      title: 'IPv4 with MD5, max-prefix and a peer group',
      vars: {
        router,
        peer,
        exchange,
        ...unfilteredVariables('peer'),
        session: session('10.0.12.2', { description: 'Lab Peer Net "LAB-IX"', md5: 'Sup3r-Secret', max_prefixes: 100, peer_group: group }),
      },
    },
    {
      title: 'IPv6 without MD5, max-prefix or peer group, to a route server',
      vars: { router, peer, exchange, ...unfilteredVariables('route_server'), session: session('2001:db8:12::2', { id: 2, type: 'route_server' }) },
    },
    {
      title: 'IPv4 administratively down, private, another local ASN',
      vars: {
        router,
        peer,
        exchange: null,
        ...unfilteredVariables('private'),
        session: session('192.0.2.9', { id: 3, type: 'private', admin_down: true, local_ip: '192.0.2.8', local_asn: 65010, description: 'PNI', max_prefixes: 5 }),
      },
    },
    {
      title: 'IPv4 filtered: the IRR prefix list, rendered policies with communities, RPKI invalids dropped',
      vars: {
        router,
        peer,
        exchange,
        session: session('10.0.12.2', { id: 4, description: 'Lab Peer Net' }),
        ...filtered(platform),
      },
    },
  ];
}

/** A rendered import policy tagging two communities, an export policy on the router, a two-prefix IRR list and an RTR cache. */
function filtered(platform: Platform): Pick<ConfigVariables, 'policy' | 'prefix_list' | 'rpki'> {
  const base = unfilteredVariables('peer');
  const names: Partial<Record<Platform, string>> = {
    frr: 'no ip prefix-list PD-AS65002-V4\nip prefix-list PD-AS65002-V4 permit 198.51.100.0/24\nip prefix-list PD-AS65002-V4 permit 198.51.101.0/24',
    ios: 'no ip prefix-list PD-AS65002-V4\nip prefix-list PD-AS65002-V4 permit 198.51.100.0/24\nip prefix-list PD-AS65002-V4 permit 198.51.101.0/24',
    eos: 'no ip prefix-list PD-AS65002-V4\nip prefix-list PD-AS65002-V4\n    seq 1 permit 198.51.100.0/24\n    seq 2 permit 198.51.101.0/24',
    iosxr: 'no prefix-set PD-AS65002-V4\nprefix-set PD-AS65002-V4\n 198.51.100.0/24,\n 198.51.101.0/24\nend-set',
    sros: '/configure policy-options\ndelete prefix-list "PD-AS65002-V4"\nprefix-list "PD-AS65002-V4" {\n    prefix 198.51.100.0/24 type exact {\n    }\n}',
  };
  return {
    policy: {
      ...base.policy,
      import: 'PD-IX-IN',
      import_bird: 'PD_IX_IN',
      export: 'PD-IX-OUT',
      export_bird: 'PD_IX_OUT',
      import_rendered: true,
      import_communities: [
        { text: '65001:100', large: false, bird: '(65001,100)' },
        { text: '65001:1:2', large: true, bird: '(65001,1,2)' },
      ],
      drop_invalid: true,
    },
    prefix_list: { name: 'PD-AS65002-V4', name_bird: 'PD_AS65002_V4', count: 2, prefixes: ['198.51.100.0/24', '198.51.101.0/24'], text: names[platform] ?? null },
    rpki: { host: '127.0.0.1', port: 3323 },
  };
}
