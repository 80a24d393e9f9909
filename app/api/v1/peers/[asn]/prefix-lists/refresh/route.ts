import { apiRoute, resultResponse } from '@/lib/api/respond';
import { requestPrefixListRefresh } from '@/lib/filters/refresh';

export const POST = apiRoute<{ asn: string }>(async ({ actor, params }) => {
  // The mutation checks the ASN after the permission: a refused caller learns nothing about its input.
  return resultResponse(await requestPrefixListRefresh(actor, { peerAsn: params.asn?.replace(/^AS/i, '') }), 202);
});
