import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listTemplates, templateFilters } from '@/db/queries/templates';
import { apiRoute, pageOf, pageParams, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { validationFailure } from '@/lib/auth/mutation';
import { builtinTemplates } from '@/lib/config/templates/defaults';
import { ServiceError } from '@/lib/errors';
import { createTemplate } from '@/lib/templates/service';

/** Custom templates, paged; `builtin` lists the read-only built-in ones (filtered the same way) beside them. */
export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const search = new URL(req.url).searchParams;
  const filters = templateFilters.safeParse(Object.fromEntries([...search].filter(([key, value]) => key in templateFilters.shape && value !== '')));
  if (!filters.success) {
    const failure = validationFailure(filters.error);
    throw new ServiceError('validation', failure.message, failure.fields);
  }
  const page = pageParams(req.url);
  const rows = await listTemplates(db(), { ...page, ...filters.data, limit: page.limit + 1 });
  const { kind, platform } = filters.data;
  const builtin = builtinTemplates
    .filter((t) => (!kind || t.kind === kind) && (!platform || t.platform === platform))
    .filter((t) => !page.q || `${t.name}\n${t.body}`.toLowerCase().includes(page.q.toLowerCase()));
  return NextResponse.json({ ...pageOf(rows, page), builtin });
});

export const POST = apiRoute(async ({ req, actor }) => resultResponse(await createTemplate(actor, await readJson(req)), 201));
