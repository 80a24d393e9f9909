import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listRouters } from '@/db/queries/routers';
import { apiRoute, pageOf, pageParams, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { createRouter } from '@/lib/routers/service';

export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const page = pageParams(req.url);
  const rows = await listRouters(db(), { ...page, limit: page.limit + 1 });
  return NextResponse.json(pageOf(rows, page));
});

export const POST = apiRoute(async ({ req, actor }) => resultResponse(await createRouter(actor, await readJson(req)), 201));
