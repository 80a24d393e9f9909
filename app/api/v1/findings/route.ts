import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listFindings } from '@/db/queries/findings';
import { apiRoute, parseOrThrow, requirePermission } from '@/lib/api/respond';
import { findingsQuery } from '@/lib/findings/schemas';

/** Open findings, most severe and oldest first (filters: kind, severity, ixId, peerAsn). */
export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const search = new URL(req.url).searchParams;
  const q = parseOrThrow(findingsQuery, { ...Object.fromEntries(search), offset: search.get('cursor') ?? search.get('offset') ?? undefined });
  const page = await listFindings(db(), q);
  const next = page.offset + page.rows.length < page.total ? String(page.offset + page.limit) : null;
  return NextResponse.json({ data: page.rows, total: page.total, next });
});
