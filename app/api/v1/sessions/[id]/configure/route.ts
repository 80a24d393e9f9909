import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { dryRunConfigure } from '@/lib/changes/dry-run';
import { configureSession } from '@/lib/config/configure';

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req);
  // {"dryRun": true}: the change exactly as it would be pushed, nothing pushed or recorded.
  if (body && typeof body === 'object' && (body as { dryRun?: unknown }).dryRun === true) return resultResponse(await dryRunConfigure(actor, { ...(body as object), sessionId: params.id }));
  return resultResponse(await configureSession(actor, { ...(body as object), sessionId: params.id }), 202);
});
