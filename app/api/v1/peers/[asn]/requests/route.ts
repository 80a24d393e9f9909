import { apiRoute, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { asnParam, parseOrThrow, withApiNames } from '@/lib/peering/api';
import { peerRequestBody } from '@/lib/peering/request-schemas';
import { sendDraftedRequest } from '@/lib/peering/requests';

export const POST = apiRoute<{ asn: string }>(async ({ req, actor, params }) => {
  requirePermission(actor, 'peers.manage');
  const peerAsn = asnParam(params.asn);
  const body = parseOrThrow(peerRequestBody, await readJson(req));
  const result = await sendDraftedRequest(actor, { ...body, peerAsn, ixIds: body.exchangeIds });
  if (!result.ok && result.error.fields?.ixIds) result.error.fields = { ...result.error.fields, exchangeIds: result.error.fields.ixIds };
  return resultResponse(withApiNames(result), 201);
});
