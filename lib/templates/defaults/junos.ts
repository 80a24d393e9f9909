/**
 * Junos set commands; a session without a peer group goes in PD-<TYPE>-V<family>. The peer's IRR list is
 * written as set commands (bgpq4's Junos text is for `load replace`); the import policy matches it by name.
 */
export const junos = String.raw`{%- if prefix_list -%}
delete policy-options prefix-list {{ prefix_list.name | name_junos }}
{%- for p in prefix_list.prefixes %}
set policy-options prefix-list {{ prefix_list.name | name_junos }} {{ p }}
{%- endfor %}
{% endif -%}
{%- assign group = session.peer_group | default: "" -%}
{%- if group == "" %}{% assign type = policy.import | remove: "-IN" %}{% assign group = "PD-" | append: type | append: "-V" | append: session.family %}{% endif -%}
{%- assign group = group | name_junos -%}
{%- assign n = "set protocols bgp group " | append: group | append: " neighbor " | append: session.peer_ip -%}
set protocols bgp group {{ group }} type external
{{ n }} peer-as {{ session.peer_asn }}
{%- if session.local_ip %}
{{ n }} local-address {{ session.local_ip }}
{%- endif %}
{%- if session.local_asn != router.local_asn %}
{{ n }} local-as {{ session.local_asn }}
{%- endif %}
{%- if session.description %}
{{ n }} description {{ session.description | quote_junos }}
{%- endif %}
{%- if session.md5 %}
{{ n }} authentication-key {{ session.md5 | quote_junos }}
{%- endif %}
{%- if session.max_prefixes %}
{{ n }} family {% if session.family == 6 %}inet6{% else %}inet{% endif %} unicast prefix-limit maximum {{ session.max_prefixes }}
{%- endif %}
{{ n }} import {{ policy.import | name_junos }}
{{ n }} export {{ policy.export | name_junos }}
{%- if session.admin_down %}
deactivate protocols bgp group {{ group }} neighbor {{ session.peer_ip }}
{%- endif %}
`;
