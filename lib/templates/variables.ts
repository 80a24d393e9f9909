import type { Platform, SessionType } from '@/db/schema';
import type { FilterVariables } from '@/lib/filters/variables';

/** The import/export policy names a session of each type uses; BIRD filter names take underscores. */
const policyByType: Record<SessionType, string> = {
  peer: 'PEER',
  private: 'PEER',
  route_server: 'RS',
  transit: 'TRANSIT',
  customer: 'CUSTOMER',
};

export function policyNames(type: SessionType) {
  const base = policyByType[type];
  return { import: `${base}-IN`, export: `${base}-OUT`, import_bird: `${base}_IN`, export_bird: `${base}_OUT` };
}

/** A stable, BIRD-safe neighbor name: pd_as65002_10_0_12_2 (at most 64 characters). */
export function neighborKey(peerAsn: number, peerIp: string) {
  return `pd_as${peerAsn}_${peerIp.toLowerCase().replace(/[.:]/g, '_')}`.slice(0, 64);
}

export type ConfigVariables = {
  router: { name: string; platform: Platform; local_asn: number };
  session: {
    id: number;
    key: string;
    peer_ip: string;
    peer_asn: number;
    local_ip: string | null;
    local_asn: number;
    family: 4 | 6;
    description: string | null;
    md5: string | null;
    max_prefixes: number | null;
    type: SessionType;
    peer_group: string | null;
    admin_down: boolean;
  };
  peer: {
    name: string | null;
    asn: number;
    as_set: string | null;
    policy: string | null;
    prefixes4: number | null;
    prefixes6: number | null;
  };
  exchange: { id: number; name: string; our_ipv4: string | null; our_ipv6: string | null } | null;
  policy: FilterVariables['policy'];
  prefix_list: FilterVariables['prefix_list'];
  rpki: FilterVariables['rpki'];
};

export type EmailVariables = {
  peer: { name: string | null; asn: number };
  local: { asn: number | null; name: string | null; as_set: string | null };
  exchanges: Array<{ name: string; our_ipv4: string | null; our_ipv6: string | null; peer_ipv4: string | null; peer_ipv6: string | null }>;
  sender: { name: string; address: string };
  contact: { name: string | null; email: string } | null;
};

export type VariableDoc = { name: string; meaning: string; example: string };

/** The reference shown on the Templates page. */
export const configVariableDocs: VariableDoc[] = [
  { name: 'router.name', meaning: 'The router, as named in Peerdesk', example: 'ams-rtr1' },
  { name: 'router.platform', meaning: 'iosxr, junos, eos, sros, ios, frr or bird', example: 'frr' },
  { name: 'router.local_asn', meaning: "The router's local ASN", example: '65001' },
  { name: 'session.id', meaning: "The session's id in Peerdesk", example: '42' },
  { name: 'session.key', meaning: 'A stable name for the neighbor, safe as a BIRD protocol name', example: 'pd_as65002_10_0_12_2' },
  { name: 'session.peer_ip', meaning: 'The peer address', example: '10.0.12.2' },
  { name: 'session.peer_asn', meaning: 'The peer ASN', example: '65002' },
  { name: 'session.local_ip', meaning: 'Our address for the session, or null', example: '10.0.12.1' },
  { name: 'session.local_asn', meaning: 'Our ASN on this session', example: '65001' },
  { name: 'session.family', meaning: '4 or 6, from the peer address', example: '4' },
  { name: 'session.description', meaning: 'The description, or null', example: 'Lab Peer Net' },
  { name: 'session.md5', meaning: 'The MD5 key in clear, or null (previews show ********)', example: 's3cret' },
  { name: 'session.max_prefixes', meaning: 'Maximum prefixes, or null', example: '100' },
  { name: 'session.type', meaning: 'peer, route_server, transit, customer or private', example: 'peer' },
  { name: 'session.peer_group', meaning: "The peer group's name on the router, or null", example: 'LAB-V4' },
  { name: 'session.admin_down', meaning: 'true when the session is administratively down', example: 'false' },
  { name: 'peer.name', meaning: 'The peer network (PeeringDB name, or the name on the session)', example: 'Lab Peer Net' },
  { name: 'peer.asn', meaning: 'The peer ASN', example: '65002' },
  { name: 'peer.as_set', meaning: "PeeringDB's IRR AS-SET, or null", example: 'AS-LABPEER' },
  { name: 'peer.policy', meaning: "PeeringDB's general policy (Open, Selective, Restrictive, No), or null", example: 'Open' },
  { name: 'peer.prefixes4', meaning: "PeeringDB's IPv4 prefix count, or null", example: '100' },
  { name: 'peer.prefixes6', meaning: "PeeringDB's IPv6 prefix count, or null", example: '10' },
  { name: 'exchange', meaning: 'null for a private session (No Exchange)', example: 'null' },
  { name: 'exchange.id', meaning: 'PeeringDB ix id', example: '12' },
  { name: 'exchange.name', meaning: 'The exchange', example: 'LAB-IX' },
  { name: 'exchange.our_ipv4', meaning: 'Our IPv4 address there (PeeringDB), or null', example: '10.0.12.1' },
  { name: 'exchange.our_ipv6', meaning: 'Our IPv6 address there (PeeringDB), or null', example: '2001:db8:12::1' },
  { name: 'policy.import', meaning: 'Import policy by session type: PEER-IN, RS-IN, TRANSIT-IN, CUSTOMER-IN', example: 'PEER-IN' },
  { name: 'policy.export', meaning: 'Export policy by session type: PEER-OUT, RS-OUT, TRANSIT-OUT, CUSTOMER-OUT', example: 'PEER-OUT' },
  { name: 'policy.import_bird', meaning: 'The same with underscores, for BIRD filters', example: 'PEER_IN' },
  { name: 'policy.export_bird', meaning: 'The same with underscores, for BIRD filters', example: 'PEER_OUT' },
  { name: 'policy.import_rendered', meaning: 'true when Peerdesk writes the import policy (Peering › Policies) rather than naming one on the router', example: 'true' },
  { name: 'policy.import_communities', meaning: 'Communities the import policy tags routes with: text, large (true for a:b:c), bird ("(a,b)")', example: '[{text: "65001:100", large: false, bird: "(65001,100)"}]' },
  { name: 'policy.irr_filter', meaning: "true when the import policy accepts only the peer's IRR prefix list", example: 'true' },
  { name: 'policy.drop_invalid', meaning: 'true when an RTR cache is set and the import policy drops RPKI-invalid routes', example: 'true' },
  { name: 'prefix_list', meaning: "The peer's IRR prefix list for the session's family, or null (none generated yet, or the policy does not filter)", example: 'null' },
  { name: 'prefix_list.name', meaning: 'Its name on the router', example: 'PD-AS65002-V4' },
  { name: 'prefix_list.name_bird', meaning: 'Its name for BIRD', example: 'PD_AS65002_V4' },
  { name: 'prefix_list.count', meaning: 'How many prefixes it has', example: '2' },
  { name: 'prefix_list.prefixes', meaning: 'The prefixes', example: '["198.51.100.0/24"]' },
  { name: 'prefix_list.text', meaning: "The list in the router's own syntax, as bgpq4 wrote it, or null", example: 'ip prefix-list PD-AS65002-V4 permit 198.51.100.0/24' },
  { name: 'rpki', meaning: 'The RTR cache (host, port) from the settings, or null', example: '{host: "127.0.0.1", port: 3323}' },
];

export const emailVariableDocs: VariableDoc[] = [
  { name: 'peer.name', meaning: 'The network we write to', example: 'Lab Peer Net' },
  { name: 'peer.asn', meaning: 'Its ASN', example: '65002' },
  { name: 'local.asn', meaning: 'Our ASN', example: '65001' },
  { name: 'local.name', meaning: 'Our network name (PeeringDB)', example: 'Peerdesk Lab Net' },
  { name: 'local.as_set', meaning: 'Our AS-SET (PeeringDB), or null', example: 'AS-PEERDESK' },
  { name: 'exchanges', meaning: 'The exchanges both networks share: name, our_ipv4, our_ipv6, peer_ipv4, peer_ipv6', example: '[{name: "LAB-IX", our_ipv4: "10.0.12.1", ...}]' },
  { name: 'sender.name', meaning: 'The request sender (Peering settings)', example: 'Peering Team' },
  { name: 'sender.address', meaning: "The sender's e-mail address", example: 'peering@example.net' },
  { name: 'contact.name', meaning: 'The person we write to, or null', example: 'NOC' },
  { name: 'contact.email', meaning: 'Their address', example: 'noc@peer.example' },
];

/** Liquid in a sentence, for the page. */
export const syntaxHelp = [
  '{{ session.peer_ip }} prints a variable; {{ peer.name | default: "unknown" }} applies a filter.',
  '{% if session.md5 %} … {% endif %}, {% for x in exchanges %} … {% endfor %}, {% assign v = … %}.',
  '{%- and -%} trim the white space around a tag.',
  'In router configuration, pass every text through its platform\'s filter: {{ session.description | quote_junos }} (quote_iosxr, quote_junos, quote_eos, quote_sros, quote_ios, quote_frr, quote_bird) makes it one inert line, quoted where the platform quotes; {{ session.peer_group | name_bird }} (name_…) checks a name and refuses the render if it is not one.',
  'Templates see only these variables: no files ({% include %} and {% render %} are refused), no environment.',
];
