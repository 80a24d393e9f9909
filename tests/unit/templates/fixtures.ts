import type { Platform } from '@/db/schema';
import { neighborKey, policyNames, type ConfigVariables } from '@/lib/config/templates/variables';

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
        policy: policyNames('peer'),
        session: session('10.0.12.2', { description: 'Lab Peer Net "LAB-IX"', md5: 'Sup3r-Secret', max_prefixes: 100, peer_group: group }),
      },
    },
    {
      title: 'IPv6 without MD5, max-prefix or peer group, to a route server',
      vars: { router, peer, exchange, policy: policyNames('route_server'), session: session('2001:db8:12::2', { id: 2, type: 'route_server' }) },
    },
    {
      title: 'IPv4 administratively down, private, another local ASN',
      vars: {
        router,
        peer,
        exchange: null,
        policy: policyNames('private'),
        session: session('192.0.2.9', { id: 3, type: 'private', admin_down: true, local_ip: '192.0.2.8', local_asn: 65010, description: 'PNI', max_prefixes: 5 }),
      },
    },
  ];
}
