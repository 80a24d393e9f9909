import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { getSession } from '@/db/queries/sessions';
import { apiRoute, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { notFound } from '@/lib/errors';
import { deleteSession, updateSession } from '@/lib/sessions/service';

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requirePermission(actor, 'peering.read');
  const id = Number(params.id);
  const session = Number.isSafeInteger(id) && id > 0 ? await getSession(db(), id) : undefined;
  if (!session) throw notFound('Session');
  return NextResponse.json(session);
});

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req);
  return resultResponse(await updateSession(actor, { ...(body as object), id: params.id }));
});

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const result = await deleteSession(actor, { id: params.id });
  return resultResponse(result, result.ok && 'job' in result.data ? 202 : 200);
});
