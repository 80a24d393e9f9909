import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { fixFindings } from '@/lib/findings/fix';

/** Bulk fix: {ids, mode?, at?}; one change per router and operation. */
export const POST = apiRoute(async ({ req, actor }) => {
  return resultResponse(await fixFindings(actor, await readJson(req)));
});
