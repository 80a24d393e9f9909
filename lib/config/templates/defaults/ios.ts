/** Cisco IOS / IOS-XE: `router bgp` neighbor lines and the address family. */
export const ios = String.raw`router bgp {{ router.local_asn }}
 neighbor {{ session.peer_ip }} remote-as {{ session.peer_asn }}
{%- if session.local_asn != router.local_asn %}
 neighbor {{ session.peer_ip }} local-as {{ session.local_asn }}
{%- endif %}
{%- if session.peer_group %}
 neighbor {{ session.peer_ip }} peer-group {{ session.peer_group }}
{%- endif %}
{%- if session.description %}
 neighbor {{ session.peer_ip }} description {{ session.description }}
{%- endif %}
{%- if session.md5 %}
 neighbor {{ session.peer_ip }} password {{ session.md5 }}
{%- endif %}
{%- if session.admin_down %}
 neighbor {{ session.peer_ip }} shutdown
{%- endif %}
 address-family ipv{{ session.family }} unicast
  neighbor {{ session.peer_ip }} activate
{%- if session.max_prefixes %}
  neighbor {{ session.peer_ip }} maximum-prefix {{ session.max_prefixes }}
{%- endif %}
  neighbor {{ session.peer_ip }} route-map {{ policy.import }} in
  neighbor {{ session.peer_ip }} route-map {{ policy.export }} out
 exit-address-family
`;
