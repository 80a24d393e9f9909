import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { setSessionAdminState } from '@/lib/config/configure';
import { kickScheduler } from '@/lib/jobs/scheduler';

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req);
  const result = await setSessionAdminState(actor, { ...(body as object), sessionId: params.id });
  if (result.ok && result.data.job) kickScheduler();
  return resultResponse(result, result.ok && result.data.job ? 202 : 200);
});
