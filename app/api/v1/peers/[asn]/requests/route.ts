import { apiRoute, parseOrThrow, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { asnParam } from '@/lib/peering/api';
import { peerRequestBody } from '@/lib/peering/request-schemas';
import { sendDraftedRequest } from '@/lib/peering/requests';

export const POST = apiRoute<{ asn: string }>(async ({ req, actor, params }) => {
  requirePermission(actor, 'peers.manage');
  const peerAsn = asnParam(params.asn);
  const body = parseOrThrow(peerRequestBody, await readJson(req));
  return resultResponse(await sendDraftedRequest(actor, { ...body, peerAsn }), 201);
});
