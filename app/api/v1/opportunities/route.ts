import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { apiRoute, parseOrThrow, requirePermission } from '@/lib/api/respond';
import { listOpportunities } from '@/lib/findings/opportunities';
import { opportunitiesQuery } from '@/lib/findings/schemas';

/** Unpeered networks at our exchanges, best score first (filters: ixId, policy, minScore, q). */
export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const search = new URL(req.url).searchParams;
  const q = parseOrThrow(opportunitiesQuery, { ...Object.fromEntries(search), offset: search.get('cursor') ?? search.get('offset') ?? undefined });
  const page = await listOpportunities(db(), q);
  const next = page.offset + page.rows.length < page.total ? String(page.offset + page.limit) : null;
  return NextResponse.json({ data: page.rows, total: page.total, next });
});
