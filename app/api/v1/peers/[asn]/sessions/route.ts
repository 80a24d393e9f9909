import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { configureMultipleSessions } from '@/lib/peering/configure-multiple';

/** Configure multiple sessions: {items: [{ixId, family, routerId, peerGroupId, type}], mode, at?}. */
export const POST = apiRoute<{ asn: string }>(async ({ req, actor, params }) => {
  const body = ((await readJson(req)) ?? {}) as Record<string, unknown>;
  const asn = params.asn?.replace(/^AS/i, '');
  return resultResponse(await configureMultipleSessions(actor, { ...body, peerAsn: asn }), 201);
});
