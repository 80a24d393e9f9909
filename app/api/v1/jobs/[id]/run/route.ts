import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { getJob } from '@/db/queries/jobs';
import { apiRoute, resultResponse } from '@/lib/api/respond';
import { notFound } from '@/lib/errors';
import { tick } from '@/lib/jobs/runner';
import { apiJob, runJobNow } from '@/lib/jobs/service';

/**
 * Runs a scheduled job now and answers with its outcome. If another instance's scheduler got to
 * it first, the answer shows it running (or finished) there: it still runs once.
 */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const result = await runJobNow(actor, { id: params.id });
  if (!result.ok) return resultResponse(result);
  await tick({ only: result.data.id });
  const job = await getJob(db(), result.data.id);
  if (!job) throw notFound('Job');
  return NextResponse.json({ ...apiJob(job), runs: job.runs });
});
