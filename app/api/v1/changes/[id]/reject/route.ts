import { apiRoute, resultResponse } from '@/lib/api/respond';
import { optionalJson } from '@/lib/changes/api';
import { rejectChange } from '@/lib/changes/decide';

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await optionalJson(req);
  return resultResponse(await rejectChange(actor, { ...body, id: params.id }));
});
