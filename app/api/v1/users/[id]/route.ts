import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { updateUser } from '@/lib/users/service';

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req);
  return resultResponse(await updateUser(actor, { ...(body as object), id: params.id }));
});
