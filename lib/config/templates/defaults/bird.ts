/** BIRD 2: one protocol per neighbor, in its own file; a peer group is a BIRD template of that name. */
export const bird = String.raw`protocol bgp {{ session.key }}{% if session.peer_group %} from {{ session.peer_group }}{% endif %} {
{%- if session.description %}
  description "{{ session.description | replace: '"', "'" }}";
{%- endif %}
  local {% if session.local_ip %}{{ session.local_ip }} {% endif %}as {{ session.local_asn }};
  neighbor {{ session.peer_ip }} as {{ session.peer_asn }};
{%- if session.md5 %}
  password "{{ session.md5 | replace: '"', '\"' }}";
{%- endif %}
{%- if session.admin_down %}
  disabled yes;
{%- endif %}
  ipv{{ session.family }} {
{%- if session.max_prefixes %}
    import limit {{ session.max_prefixes }} action restart;
{%- endif %}
    import filter {{ policy.import_bird }};
    export filter {{ policy.export_bird }};
  };
}
`;
