import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listSessions } from '@/db/queries/sessions';
import { apiRoute, pageOf, pageParams, parseOrThrow, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { sessionFilters } from '@/lib/sessions/schemas';
import { createSession } from '@/lib/sessions/service';

export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const search = new URL(req.url).searchParams;
  const filters = parseOrThrow(sessionFilters, Object.fromEntries([...search].filter(([key, value]) => key in sessionFilters.shape && value !== '')));
  const page = pageParams(req.url);
  const rows = await listSessions(db(), { ...page, ...filters, limit: page.limit + 1 });
  return NextResponse.json(pageOf(rows, page));
});

export const POST = apiRoute(async ({ req, actor }) => resultResponse(await createSession(actor, await readJson(req)), 201));
