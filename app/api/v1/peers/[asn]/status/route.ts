import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { changePeerStatus } from '@/lib/peering/service';

/** {ixId, action, localAsn?, comment?}; send_request / resend_request belong to POST /peers/{asn}/requests. */
export const POST = apiRoute<{ asn: string }>(async ({ req, actor, params }) => {
  const body = ((await readJson(req)) ?? {}) as Record<string, unknown>;
  const asn = params.asn?.replace(/^AS/i, '');
  return resultResponse(await changePeerStatus(actor, { ...body, peerAsn: asn }));
});
