/**
 * Nokia SR OS MD-CLI, flat: every line a full path under /configure router "Base" bgp, after the peer's
 * IRR prefix list (bgpq4's MD-CLI text; the router's import policy matches it by name).
 */
export const sros = String.raw`{%- assign group = session.peer_group | default: "" -%}
{%- if group == "" %}{% assign type = policy.import | remove: "-IN" %}{% assign group = "PD-" | append: type | append: "-V" | append: session.family %}{% endif -%}
{%- assign group = group | name_sros -%}
{%- assign n = '/configure router "Base" bgp neighbor "' | append: session.peer_ip | append: '"' -%}
{% if prefix_list and prefix_list.text %}{{ prefix_list.text }}
{% endif -%}
/configure router "Base" bgp group {{ group }} type external
{{ n }} group {{ group }}
{{ n }} peer-as {{ session.peer_asn }}
{%- if session.local_ip %}
{{ n }} local-address "{{ session.local_ip }}"
{%- endif %}
{%- if session.local_asn != router.local_asn %}
{{ n }} local-as as-number {{ session.local_asn }}
{%- endif %}
{%- if session.description %}
{{ n }} description {{ session.description | quote_sros }}
{%- endif %}
{%- if session.md5 %}
{{ n }} authentication-key {{ session.md5 | quote_sros }}
{%- endif %}
{%- if session.max_prefixes %}
{{ n }} prefix-limit ipv{{ session.family }} maximum {{ session.max_prefixes }}
{%- endif %}
{{ n }} import policy [{{ policy.import | name_sros }}]
{{ n }} export policy [{{ policy.export | name_sros }}]
{{ n }} admin-state {% if session.admin_down %}disable{% else %}enable{% endif %}
`;
