import { apiRoute, readOptionalJson, resultResponse } from '@/lib/api/respond';
import { rejectChange } from '@/lib/changes/decide';

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readOptionalJson(req);
  return resultResponse(await rejectChange(actor, { ...(body as object), id: params.id }));
});
