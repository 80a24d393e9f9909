import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listJobs } from '@/db/queries/jobs';
import { apiRoute, pageOf, pageParams, parseOrThrow, requirePermission } from '@/lib/api/respond';
import { jobFilters } from '@/lib/jobs/schemas';
import { apiJob } from '@/lib/jobs/service';

export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const search = new URL(req.url).searchParams;
  const filters = parseOrThrow(jobFilters, Object.fromEntries([...search].filter(([key, value]) => key in jobFilters.shape && value !== '')));
  const page = pageParams(req.url);
  const rows = await listJobs(db(), { ...page, ...filters, limit: page.limit + 1 });
  const { data, next } = pageOf(rows, page);
  return NextResponse.json({ data: data.map(apiJob), next });
});
