import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { withApiNames } from '@/lib/peering/api';
import { addPeerNote } from '@/lib/peering/service';

/** {comment, exchangeId?}: a comment in the peer's notes log. */
export const POST = apiRoute<{ asn: string }>(async ({ req, actor, params }) => {
  const { exchangeId, ...body } = ((await readJson(req)) ?? {}) as Record<string, unknown>;
  const asn = params.asn?.replace(/^AS/i, '');
  return resultResponse(withApiNames(await addPeerNote(actor, { ...body, ixId: exchangeId, peerAsn: asn })), 201);
});
