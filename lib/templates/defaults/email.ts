/** The built-in "Peering request" e-mail: subject and body. */
export const peeringRequestSubject = String.raw`Peering request: AS{{ local.asn }}{% if local.name %} {{ local.name }}{% endif %} and AS{{ peer.asn }}{% if peer.name %} {{ peer.name }}{% endif %}`;

export const peeringRequestBody = String.raw`Dear {{ contact.name | default: peer.name | default: "peering team" }},

We are {{ local.name | default: "a network" }} (AS{{ local.asn }}) and would like to peer with {{ peer.name | default: "you" }} (AS{{ peer.asn }}) at the exchanges we share:
{% for x in exchanges %}
{{ x.name }}
{%- if x.our_ipv4 or x.peer_ipv4 %}
  IPv4: AS{{ local.asn }} {{ x.our_ipv4 | default: "-" }}  <->  AS{{ peer.asn }} {{ x.peer_ipv4 | default: "-" }}
{%- endif %}
{%- if x.our_ipv6 or x.peer_ipv6 %}
  IPv6: AS{{ local.asn }} {{ x.our_ipv6 | default: "-" }}  <->  AS{{ peer.asn }} {{ x.peer_ipv6 | default: "-" }}
{%- endif %}
{% endfor %}
Our details:
  ASN: AS{{ local.asn }}
{%- if local.as_set %}
  AS-SET: {{ local.as_set }}
{%- endif %}
  NOC / peering contact: {{ sender.name | default: "Peering team" }} <{{ sender.address }}>

If you agree, please configure your side and let us know; we will bring up our side straight away. We are happy to use an MD5 key if you prefer one.

Kind regards,
{{ sender.name | default: "Peering team" }}
{{ local.name | default: "" }} (AS{{ local.asn }})
{{ sender.address }}
`;

/** The built-in "Peering request follow-up": sent in the request's thread, quoting it. */
export const followUpSubject = String.raw`Re: {{ request.subject }}`;

export const followUpBody = String.raw`Dear {{ contact.name | default: peer.name | default: "peering team" }},

We wrote to you on {{ request.date }} about peering between {{ local.name | default: "our network" }} (AS{{ local.asn }}) and {{ peer.name | default: "your network" }} (AS{{ peer.asn }}), and have not heard back yet. Could you let us know whether you would like to peer? If someone else handles peering requests, we would be grateful for their address.

Kind regards,
{{ sender.name | default: "Peering team" }}
{{ local.name | default: "" }} (AS{{ local.asn }})
{{ sender.address }}

On {{ request.date }}, {{ sender.address }} wrote:
{{ request.quoted }}
`;
