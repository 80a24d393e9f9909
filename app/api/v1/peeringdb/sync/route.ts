import { apiRoute, readOptionalJson, resultResponse } from '@/lib/api/respond';
import { requestPeeringDbSync } from '@/lib/peeringdb/service';

export const POST = apiRoute(async ({ req, actor }) => {
  return resultResponse(await requestPeeringDbSync(actor, await readOptionalJson(req)), 202);
});
