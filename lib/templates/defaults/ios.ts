/** Cisco IOS / IOS-XE: the peer's IRR prefix list (bgpq4's text), `router bgp` neighbor lines and the address family. */
export const ios = String.raw`{%- if prefix_list and prefix_list.text -%}
{{ prefix_list.text }}
{% endif -%}
router bgp {{ router.local_asn }}
 neighbor {{ session.peer_ip }} remote-as {{ session.peer_asn }}
{%- if session.local_asn != router.local_asn %}
 neighbor {{ session.peer_ip }} local-as {{ session.local_asn }}
{%- endif %}
{%- if session.peer_group %}
 neighbor {{ session.peer_ip }} peer-group {{ session.peer_group | name_ios }}
{%- endif %}
{%- if session.description %}
 neighbor {{ session.peer_ip }} description {{ session.description | quote_ios }}
{%- endif %}
{%- if session.md5 %}
 neighbor {{ session.peer_ip }} password {{ session.md5 | quote_ios }}
{%- endif %}
{%- if session.admin_down %}
 neighbor {{ session.peer_ip }} shutdown
{%- endif %}
 address-family ipv{{ session.family }} unicast
  neighbor {{ session.peer_ip }} activate
{%- if session.max_prefixes %}
  neighbor {{ session.peer_ip }} maximum-prefix {{ session.max_prefixes }}
{%- endif %}
{%- if prefix_list %}
  neighbor {{ session.peer_ip }} prefix-list {{ prefix_list.name | name_ios }} in
{%- endif %}
  neighbor {{ session.peer_ip }} route-map {{ policy.import | name_ios }} in
  neighbor {{ session.peer_ip }} route-map {{ policy.export | name_ios }} out
 exit-address-family
`;
