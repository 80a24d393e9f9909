import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { getRouter, listPeerGroups } from '@/db/queries/routers';
import { apiRoute, pageOf, pageParams, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { notFound } from '@/lib/errors';
import { createPeerGroup } from '@/lib/routers/peer-groups';

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  requirePermission(actor, 'peering.read');
  const id = Number(params.id);
  const router = Number.isSafeInteger(id) && id > 0 ? await getRouter(db(), id) : undefined;
  if (!router) throw notFound('Router');
  const page = pageParams(req.url);
  const rows = await listPeerGroups(db(), router.id, { ...page, limit: page.limit + 1 });
  return NextResponse.json(pageOf(rows, page));
});

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req);
  return resultResponse(await createPeerGroup(actor, { ...(body as object), routerId: params.id }), 201);
});
