/**
 * BIRD 2: one protocol per neighbor, in its own file; a peer group is a BIRD template of that name.
 * With the peer's IRR list or a rendered import policy, the import filter is written here, inline.
 */
export const bird = String.raw`protocol bgp {{ session.key }}{% if session.peer_group %} from {{ session.peer_group | name_bird }}{% endif %} {
{%- if session.description %}
  description {{ session.description | quote_bird }};
{%- endif %}
  local {% if session.local_ip %}{{ session.local_ip }} {% endif %}as {{ session.local_asn }};
  neighbor {{ session.peer_ip }} as {{ session.peer_asn }};
{%- if session.md5 %}
  password {{ session.md5 | quote_bird }};
{%- endif %}
{%- if session.admin_down %}
  disabled yes;
{%- endif %}
  ipv{{ session.family }} {
{%- if session.max_prefixes %}
    import limit {{ session.max_prefixes }} action restart;
{%- endif %}
{%- if prefix_list or policy.import_rendered %}
    import filter {
{%- if prefix_list %}
      if ! (net ~ [ {% for p in prefix_list.prefixes %}{{ p }}{% unless forloop.last %}, {% endunless %}{% endfor %} ]) then reject;
{%- endif %}
{%- for c in policy.import_communities %}
      bgp_{% if c.large %}large_{% endif %}community.add({{ c.bird }});
{%- endfor %}
      accept;
    };
{%- else %}
    import filter {{ policy.import_bird | name_bird }};
{%- endif %}
    export filter {{ policy.export_bird | name_bird }};
  };
}
`;
