import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { setSessionAdminState } from '@/lib/config/configure';

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req);
  const result = await setSessionAdminState(actor, { ...(body as object), sessionId: params.id });
  return resultResponse(result, result.ok && result.data.job ? 202 : 200);
});
