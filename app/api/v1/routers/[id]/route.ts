import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { getRouter } from '@/db/queries/routers';
import { apiRoute, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { notFound } from '@/lib/errors';
import { deleteRouter, updateRouter } from '@/lib/routers/service';

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requirePermission(actor, 'peering.read');
  const id = Number(params.id);
  const router = Number.isSafeInteger(id) && id > 0 ? await getRouter(db(), id) : undefined;
  if (!router) throw notFound('Router');
  return NextResponse.json(router);
});

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req);
  return resultResponse(await updateRouter(actor, { ...(body as object), id: params.id }));
});

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => resultResponse(await deleteRouter(actor, { id: params.id })));
