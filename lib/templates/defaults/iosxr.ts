/**
 * Cisco IOS-XR: the peer's IRR prefix-set (bgpq4's text; the router's route-policy matches it by name)
 * and the neighbor block under `router bgp`, committed by the driver.
 */
export const iosxr = String.raw`{%- if prefix_list and prefix_list.text -%}
{{ prefix_list.text }}
{% endif -%}
router bgp {{ router.local_asn }}
 neighbor {{ session.peer_ip }}
  remote-as {{ session.peer_asn }}
{%- if session.local_asn != router.local_asn %}
  local-as {{ session.local_asn }}
{%- endif %}
{%- if session.peer_group %}
  use neighbor-group {{ session.peer_group | name_iosxr }}
{%- endif %}
{%- if session.description %}
  description {{ session.description | quote_iosxr }}
{%- endif %}
{%- if session.md5 %}
  password clear {{ session.md5 | quote_iosxr }}
{%- endif %}
{%- if session.admin_down %}
  shutdown
{%- endif %}
  address-family ipv{{ session.family }} unicast
{%- if session.max_prefixes %}
   maximum-prefix {{ session.max_prefixes }} 90
{%- endif %}
   route-policy {{ policy.import | name_iosxr }} in
   route-policy {{ policy.export | name_iosxr }} out
  !
 !
!
`;
