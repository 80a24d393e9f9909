import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { apiRoute, parseOrThrow, requirePermission } from '@/lib/api/respond';
import { listPipeline } from '@/lib/peering/pipeline';
import { requestListFilters } from '@/lib/peering/request-schemas';

/** The outbound pipeline: replies first, then stalled, then newest activity (filters: stage, peerAsn, ixId, localAsn, due). */
export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const search = new URL(req.url).searchParams;
  const filters = parseOrThrow(requestListFilters, { ...Object.fromEntries(search), offset: search.get('cursor') ?? search.get('offset') ?? undefined });
  const page = await listPipeline(db(), filters);
  const next = page.offset + page.rows.length < page.total ? String(page.offset + page.limit) : null;
  return NextResponse.json({ data: page.rows, total: page.total, next, followUp: page.followUp });
});
