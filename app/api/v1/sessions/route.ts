import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listSessions, sessionFilters } from '@/db/queries/sessions';
import { apiRoute, pageOf, pageParams, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { validationFailure } from '@/lib/auth/mutation';
import { ServiceError } from '@/lib/errors';
import { createSession } from '@/lib/sessions/service';

export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const search = new URL(req.url).searchParams;
  const filters = sessionFilters.safeParse(Object.fromEntries([...search].filter(([key, value]) => key in sessionFilters.shape && value !== '')));
  if (!filters.success) {
    const failure = validationFailure(filters.error);
    throw new ServiceError('validation', failure.message, failure.fields);
  }
  const page = pageParams(req.url);
  const rows = await listSessions(db(), { ...page, ...filters.data, limit: page.limit + 1 });
  return NextResponse.json(pageOf(rows, page));
});

export const POST = apiRoute(async ({ req, actor }) => resultResponse(await createSession(actor, await readJson(req)), 201));
