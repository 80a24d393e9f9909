/**
 * Arista EOS: the peer's IRR prefix list (bgpq4's text), `router bgp` neighbor lines; IPv6 neighbors
 * are activated in their address family.
 */
export const eos = String.raw`{%- if prefix_list and prefix_list.text -%}
{{ prefix_list.text }}
{% endif -%}
router bgp {{ router.local_asn }}
   neighbor {{ session.peer_ip }} remote-as {{ session.peer_asn }}
{%- if session.local_asn != router.local_asn %}
   neighbor {{ session.peer_ip }} local-as {{ session.local_asn }} no-prepend replace-as
{%- endif %}
{%- if session.peer_group %}
   neighbor {{ session.peer_ip }} peer group {{ session.peer_group | name_eos }}
{%- endif %}
{%- if session.description %}
   neighbor {{ session.peer_ip }} description {{ session.description | quote_eos }}
{%- endif %}
{%- if session.md5 %}
   neighbor {{ session.peer_ip }} password 0 {{ session.md5 | quote_eos }}
{%- endif %}
{%- if session.max_prefixes %}
   neighbor {{ session.peer_ip }} maximum-routes {{ session.max_prefixes }}
{%- endif %}
{%- if prefix_list %}
   neighbor {{ session.peer_ip }} prefix-list {{ prefix_list.name | name_eos }} in
{%- endif %}
   neighbor {{ session.peer_ip }} route-map {{ policy.import | name_eos }} in
   neighbor {{ session.peer_ip }} route-map {{ policy.export | name_eos }} out
{%- if session.admin_down %}
   neighbor {{ session.peer_ip }} shutdown
{%- endif %}
   address-family ipv{{ session.family }}
      neighbor {{ session.peer_ip }} activate
`;
