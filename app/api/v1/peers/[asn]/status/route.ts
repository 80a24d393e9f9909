import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { withApiNames } from '@/lib/peering/api';
import { changePeerStatus } from '@/lib/peering/service';

/** {exchangeId, action, localAsn?, comment?}; send_request / resend_request belong to POST /peers/{asn}/requests. */
export const POST = apiRoute<{ asn: string }>(async ({ req, actor, params }) => {
  const { exchangeId, ...body } = ((await readJson(req)) ?? {}) as Record<string, unknown>;
  const asn = params.asn?.replace(/^AS/i, '');
  return resultResponse(withApiNames(await changePeerStatus(actor, { ...body, ixId: exchangeId, peerAsn: asn })));
});
