import { apiRoute, readOptionalJson, resultResponse } from '@/lib/api/respond';
import { fixFindings } from '@/lib/findings/fix';

/** Applies the finding's remedy as a change through the normal push path ({mode?, at?}). */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = ((await readOptionalJson(req)) ?? {}) as Record<string, unknown>;
  return resultResponse(await fixFindings(actor, { ...body, ids: [params.id] }));
});
