import { apiRoute, resultResponse } from '@/lib/api/respond';
import { refreshBgpState } from '@/lib/config/poll';

export const POST = apiRoute(async ({ actor }) => {
  return resultResponse(await refreshBgpState(actor, {}), 202);
});
