import { NextResponse } from 'next/server';
import { apiRoute, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { notFound } from '@/lib/errors';
import { deletePolicy, getPolicy, updatePolicy } from '@/lib/filters/policies';

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requirePermission(actor, 'peering.read');
  const id = Number(params.id);
  const policy = Number.isSafeInteger(id) && id > 0 ? await getPolicy(id) : null;
  if (!policy) throw notFound('Policy');
  return NextResponse.json(policy);
});

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req);
  return resultResponse(await updatePolicy(actor, { ...(body as object), id: params.id }));
});

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => resultResponse(await deletePolicy(actor, { id: params.id })));
