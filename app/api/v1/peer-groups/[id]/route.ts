import { apiRoute, resultResponse } from '@/lib/api/respond';
import { deletePeerGroup } from '@/lib/routers/peer-groups';

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) =>
  resultResponse(await deletePeerGroup(actor, { id: params.id })));
