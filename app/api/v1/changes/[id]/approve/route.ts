import { apiRoute, readOptionalJson, resultResponse } from '@/lib/api/respond';
import { approveChange } from '@/lib/changes/decide';

/** 200 with the change approved and its job, or still pending_approval with `returned: true` when the router drifted. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readOptionalJson(req);
  return resultResponse(await approveChange(actor, { ...(body as object), id: params.id }));
});
