import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listUsers } from '@/db/queries/users';
import { apiRoute, pageOf, pageParams, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { createUser } from '@/lib/users/service';

export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'users.manage');
  const page = pageParams(req.url);
  const rows = await listUsers(db(), { ...page, limit: page.limit + 1 });
  return NextResponse.json(pageOf(rows, page));
});

export const POST = apiRoute(async ({ req, actor }) => resultResponse(await createUser(actor, await readJson(req)), 201));
