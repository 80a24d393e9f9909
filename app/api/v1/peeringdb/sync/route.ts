import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { kickScheduler } from '@/lib/jobs/scheduler';
import { requestPeeringDbSync } from '@/lib/peeringdb/service';

export const POST = apiRoute(async ({ req, actor }) => {
  const body = req.headers.get('content-length') === '0' || !req.body ? {} : await readJson(req);
  const result = await requestPeeringDbSync(actor, body);
  if (result.ok) kickScheduler();
  return resultResponse(result, 202);
});
