/**
 * FRR 8 (vtysh): the peer's IRR prefix list, the RTR cache and the import policy Peerdesk renders, then
 * the neighbor under `router bgp` with its address family.
 */
export const frr = String.raw`{%- if prefix_list and prefix_list.text -%}
{{ prefix_list.text }}
{% elsif prefix_list -%}
no ip{% if session.family == 6 %}v6{% endif %} prefix-list {{ prefix_list.name | name_frr }}
{% for p in prefix_list.prefixes -%}
ip{% if session.family == 6 %}v6{% endif %} prefix-list {{ prefix_list.name | name_frr }} permit {{ p }}
{% endfor -%}
{% endif -%}
{%- if rpki -%}
rpki
 rpki cache {{ rpki.host | quote_frr }} {{ rpki.port }} preference 1
exit
{% endif -%}
{%- if policy.import_rendered -%}
{%- if policy.drop_invalid -%}
route-map {{ policy.import | name_frr }} deny 10
 match rpki invalid
exit
{% endif -%}
route-map {{ policy.import | name_frr }} permit 100
{%- for c in policy.import_communities %}
 set {% if c.large %}large-community{% else %}community{% endif %} {{ c.text | quote_frr }} additive
{%- endfor %}
exit
{% endif -%}
router bgp {{ router.local_asn }}
 neighbor {{ session.peer_ip }} remote-as {{ session.peer_asn }}
{%- if session.local_asn != router.local_asn %}
 neighbor {{ session.peer_ip }} local-as {{ session.local_asn }}
{%- endif %}
{%- if session.peer_group %}
 neighbor {{ session.peer_ip }} peer-group {{ session.peer_group | name_frr }}
{%- endif %}
{%- if session.description %}
 neighbor {{ session.peer_ip }} description {{ session.description | quote_frr }}
{%- endif %}
{%- if session.md5 %}
 neighbor {{ session.peer_ip }} password {{ session.md5 | quote_frr }}
{%- endif %}
{%- if session.admin_down %}
 neighbor {{ session.peer_ip }} shutdown
{%- endif %}
 address-family ipv{{ session.family }} unicast
  neighbor {{ session.peer_ip }} activate
{%- if session.max_prefixes %}
  neighbor {{ session.peer_ip }} maximum-prefix {{ session.max_prefixes }}
{%- endif %}
{%- if prefix_list or rpki %}
  neighbor {{ session.peer_ip }} soft-reconfiguration inbound
{%- endif %}
{%- if prefix_list %}
  neighbor {{ session.peer_ip }} prefix-list {{ prefix_list.name | name_frr }} in
{%- endif %}
  neighbor {{ session.peer_ip }} route-map {{ policy.import | name_frr }} in
  neighbor {{ session.peer_ip }} route-map {{ policy.export | name_frr }} out
 exit-address-family
exit
`;
