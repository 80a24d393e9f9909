import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { getJob } from '@/db/queries/jobs';
import { apiRoute, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { notFound } from '@/lib/errors';
import { apiJob, cancelJob, rescheduleJob } from '@/lib/jobs/service';

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requirePermission(actor, 'peering.read');
  const id = Number(params.id);
  const job = Number.isSafeInteger(id) && id > 0 ? await getJob(db(), id) : undefined;
  if (!job) throw notFound('Job');
  return NextResponse.json({ ...apiJob(job), runs: job.runs });
});

/** Only runAt can change, and only while the job is scheduled. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req);
  const result = await rescheduleJob(actor, { ...(body as object), id: params.id });
  return result.ok ? NextResponse.json({ ...apiJob(result.data), runs: result.data.runs }) : resultResponse(result);
});

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const result = await cancelJob(actor, { id: params.id });
  return result.ok ? NextResponse.json({ ...apiJob(result.data), runs: result.data.runs }) : resultResponse(result);
});
