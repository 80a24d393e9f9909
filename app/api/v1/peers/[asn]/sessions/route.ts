import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { kickScheduler } from '@/lib/jobs/scheduler';
import { withApiNames } from '@/lib/peering/api';
import { configureMultipleSessions } from '@/lib/peering/configure-multiple';

/** Configure multiple sessions: {items: [{exchangeId, family, routerId, peerGroupId, type}], mode, at?}. */
export const POST = apiRoute<{ asn: string }>(async ({ req, actor, params }) => {
  const body = ((await readJson(req)) ?? {}) as Record<string, unknown>;
  const items = Array.isArray(body.items)
    ? body.items.map((item: unknown) => {
        const { exchangeId, ...rest } = (item ?? {}) as Record<string, unknown>;
        return { ...rest, ixId: exchangeId };
      })
    : body.items;
  const asn = params.asn?.replace(/^AS/i, '');
  const result = await configureMultipleSessions(actor, { ...body, items, peerAsn: asn });
  if (result.ok && result.data.job && body.mode === 'now') kickScheduler();
  return resultResponse(withApiNames(result), 201);
});
