import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { configureSession } from '@/lib/config/configure';
import { kickScheduler } from '@/lib/jobs/scheduler';

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req);
  const result = await configureSession(actor, { ...(body as object), sessionId: params.id });
  if (result.ok && result.data.job.status === 'scheduled' && result.data.job.runAt.getTime() <= Date.now()) kickScheduler();
  return resultResponse(result, 202);
});
