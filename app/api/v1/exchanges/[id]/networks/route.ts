import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { findExchange, listExchangeNetworks } from '@/db/queries/exchanges';
import { apiRoute, pageOf, pageParams, parseOrThrow, requirePermission } from '@/lib/api/respond';
import { notFound } from '@/lib/errors';
import { networkFilters } from '@/lib/peering/schemas';

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  requirePermission(actor, 'peering.read');
  const id = Number(params.id);
  const exchange = Number.isSafeInteger(id) && id > 0 ? await findExchange(db(), id) : undefined;
  if (!exchange) throw notFound('Exchange');
  const search = new URL(req.url).searchParams;
  const filters = parseOrThrow(networkFilters, { status: search.get('status') || undefined, policy: search.get('policy') || undefined });
  const page = pageParams(req.url);
  const rows = await listExchangeNetworks(db(), id, { ...page, ...filters, limit: page.limit + 1 });
  return NextResponse.json(pageOf(rows, page));
});
