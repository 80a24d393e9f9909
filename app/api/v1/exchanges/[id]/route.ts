import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { getExchange } from '@/db/queries/exchanges';
import { apiRoute, requirePermission } from '@/lib/api/respond';
import { notFound } from '@/lib/errors';

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requirePermission(actor, 'peering.read');
  const id = Number(params.id);
  const exchange = Number.isSafeInteger(id) && id > 0 ? await getExchange(db(), id) : undefined;
  if (!exchange) throw notFound('Exchange');
  return NextResponse.json(exchange);
});
