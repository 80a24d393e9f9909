import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listExchanges } from '@/db/queries/exchanges';
import { apiRoute, pageOf, pageParams, requirePermission } from '@/lib/api/respond';

export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const page = pageParams(req.url);
  const rows = await listExchanges(db(), { ...page, limit: page.limit + 1 });
  return NextResponse.json(pageOf(rows, page));
});
