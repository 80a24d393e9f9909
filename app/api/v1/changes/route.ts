import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listChanges } from '@/db/queries/changes';
import { apiRoute, pageOf, pageParams, parseOrThrow, requirePermission } from '@/lib/api/respond';
import { apiChange } from '@/lib/changes/api';
import { changeListFilters } from '@/lib/changes/schemas';

export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const params = pageParams(req.url);
  const filters = parseOrThrow(changeListFilters, Object.fromEntries(new URL(req.url).searchParams));
  const rows = await listChanges(db(), { ...filters, ...params });
  const page = pageOf(rows, params);
  return NextResponse.json({ data: page.data.map(apiChange), next: page.next });
});
