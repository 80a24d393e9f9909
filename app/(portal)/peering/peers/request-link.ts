/** The page that opens the peering request email for the peer at these exchanges (built by the requests feature). */
export function requestHref(asn: number, ixIds: number[]) {
  return `/peering/requests/new?asn=${asn}&ixIds=${ixIds.join(',')}`;
}
