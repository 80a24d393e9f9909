import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { setPeerAsSet } from '@/lib/filters/policies';

export const PATCH = apiRoute<{ asn: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req);
  return resultResponse(await setPeerAsSet(actor, { ...(body as object), peerAsn: params.asn?.replace(/^AS/i, '') }));
});
