/** Junos set commands; a session without a peer group goes in PD-<TYPE>-V<family>. */
export const junos = String.raw`{%- assign group = session.peer_group | default: "" -%}
{%- if group == "" %}{% assign type = policy.import | remove: "-IN" %}{% assign group = "PD-" | append: type | append: "-V" | append: session.family %}{% endif -%}
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
{{ n }} description "{{ session.description | replace: '"', "'" }}"
{%- endif %}
{%- if session.md5 %}
{{ n }} authentication-key "{{ session.md5 }}"
{%- endif %}
{%- if session.max_prefixes %}
{{ n }} family {% if session.family == 6 %}inet6{% else %}inet{% endif %} unicast prefix-limit maximum {{ session.max_prefixes }}
{%- endif %}
{{ n }} import {{ policy.import }}
{{ n }} export {{ policy.export }}
{%- if session.admin_down %}
deactivate protocols bgp group {{ group }} neighbor {{ session.peer_ip }}
{%- endif %}
`;
