import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listPeerOverview } from '@/db/queries/peers';
import { apiRoute, pageOf, pageParams, parseOrThrow, requirePermission } from '@/lib/api/respond';
import { peerListFilters } from '@/lib/peering/schemas';

export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const search = new URL(req.url).searchParams;
  // Unknown keys (q, limit, cursor) are dropped by the schema; an empty one is no filter.
  const filters = parseOrThrow(peerListFilters, Object.fromEntries([...search].filter(([, value]) => value !== '')));
  const page = pageParams(req.url);
  const rows = await listPeerOverview(
    db(),
    { ...page, status: filters.status, ixId: filters.ixId, localAsn: filters.localAsn, limit: page.limit + 1 },
  );
  return NextResponse.json(pageOf(rows, page));
});
