import { NextResponse } from 'next/server';
import { apiRoute, requirePermission } from '@/lib/api/respond';
import { notFound } from '@/lib/errors';
import { readSessionRoutes, rejectionReason, storedRoutes } from '@/lib/filters/routes';

/** The routes the peer sends, read from the router now (FRR), or as last read with ?stored=1. */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  requirePermission(actor, 'peering.read');
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id < 1) throw notFound('Session');
  const stored = new URL(req.url).searchParams.get('stored') === '1';
  const read = stored ? await storedRoutes(id) : await readSessionRoutes(id);
  if (!read) throw notFound('Routes read for this session');
  return NextResponse.json({ ...read, routes: read.routes.map((r) => ({ ...r, reason: rejectionReason(r) })) });
});
