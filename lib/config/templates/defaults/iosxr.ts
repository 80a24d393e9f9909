/** Cisco IOS-XR: the neighbor block under `router bgp`, committed by the driver. */
export const iosxr = String.raw`router bgp {{ router.local_asn }}
 neighbor {{ session.peer_ip }}
  remote-as {{ session.peer_asn }}
{%- if session.local_asn != router.local_asn %}
  local-as {{ session.local_asn }}
{%- endif %}
{%- if session.peer_group %}
  use neighbor-group {{ session.peer_group }}
{%- endif %}
{%- if session.description %}
  description {{ session.description }}
{%- endif %}
{%- if session.md5 %}
  password clear {{ session.md5 }}
{%- endif %}
{%- if session.admin_down %}
  shutdown
{%- endif %}
  address-family ipv{{ session.family }} unicast
{%- if session.max_prefixes %}
   maximum-prefix {{ session.max_prefixes }} 90
{%- endif %}
   route-policy {{ policy.import }} in
   route-policy {{ policy.export }} out
  !
 !
!
`;
