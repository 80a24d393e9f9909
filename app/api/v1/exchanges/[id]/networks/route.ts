import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { findExchange, listExchangeNetworks, networkFilters } from '@/db/queries/exchanges';
import { apiRoute, pageOf, pageParams, requirePermission } from '@/lib/api/respond';
import { validationFailure } from '@/lib/auth/mutation';
import { ServiceError, notFound } from '@/lib/errors';

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  requirePermission(actor, 'peering.read');
  const id = Number(params.id);
  const exchange = Number.isSafeInteger(id) && id > 0 ? await findExchange(db(), id) : undefined;
  if (!exchange) throw notFound('Exchange');
  const search = new URL(req.url).searchParams;
  const filters = networkFilters.safeParse({ status: search.get('status') || undefined, policy: search.get('policy') || undefined });
  if (!filters.success) {
    const failure = validationFailure(filters.error);
    throw new ServiceError('validation', failure.message, failure.fields);
  }
  const page = pageParams(req.url);
  const rows = await listExchangeNetworks(db(), id, { ...page, ...filters.data, limit: page.limit + 1 });
  return NextResponse.json(pageOf(rows, page));
});
