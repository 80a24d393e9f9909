import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listTokensOf } from '@/db/queries/users';
import { apiRoute, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { createToken } from '@/lib/tokens/service';

export const GET = apiRoute(async ({ actor }) => {
  requirePermission(actor, 'tokens.own');
  return NextResponse.json({ data: await listTokensOf(db(), actor.id!), next: null });
});

export const POST = apiRoute(async ({ req, actor }) => resultResponse(await createToken(actor, await readJson(req)), 201));
