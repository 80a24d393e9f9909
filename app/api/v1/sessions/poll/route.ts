import { apiRoute, resultResponse } from '@/lib/api/respond';
import { refreshBgpState } from '@/lib/config/poll';
import { kickScheduler } from '@/lib/jobs/scheduler';

export const POST = apiRoute(async ({ actor }) => {
  const result = await refreshBgpState(actor, {});
  if (result.ok) kickScheduler();
  return resultResponse(result, 202);
});
