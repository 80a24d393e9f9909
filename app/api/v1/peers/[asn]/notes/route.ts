import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { addPeerNote } from '@/lib/peering/service';

/** {comment, ixId?}: a comment in the peer's notes log. */
export const POST = apiRoute<{ asn: string }>(async ({ req, actor, params }) => {
  const body = ((await readJson(req)) ?? {}) as Record<string, unknown>;
  const asn = params.asn?.replace(/^AS/i, '');
  return resultResponse(await addPeerNote(actor, { ...body, peerAsn: asn }), 201);
});
