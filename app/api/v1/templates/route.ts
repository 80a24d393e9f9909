import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listTemplates } from '@/db/queries/templates';
import { apiRoute, pageOf, pageParams, parseOrThrow, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { builtinTemplates } from '@/lib/templates/defaults';
import { templateFilters } from '@/lib/templates/schemas';
import { createTemplate } from '@/lib/templates/service';

/** Custom templates, paged; `builtin` lists the read-only built-in ones (filtered the same way) beside them. */
export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const search = new URL(req.url).searchParams;
  const filters = parseOrThrow(templateFilters, Object.fromEntries([...search].filter(([key, value]) => key in templateFilters.shape && value !== '')));
  const page = pageParams(req.url);
  const rows = await listTemplates(db(), { ...page, ...filters, limit: page.limit + 1 });
  const { kind, platform } = filters;
  const builtin = builtinTemplates
    .filter((t) => (!kind || t.kind === kind) && (!platform || t.platform === platform))
    .filter((t) => !page.q || `${t.name}\n${t.body}`.toLowerCase().includes(page.q.toLowerCase()));
  return NextResponse.json({ ...pageOf(rows, page), builtin });
});

export const POST = apiRoute(async ({ req, actor }) => resultResponse(await createTemplate(actor, await readJson(req)), 201));
