import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { getChange } from '@/db/queries/changes';
import { apiRoute, requirePermission } from '@/lib/api/respond';
import { apiChange } from '@/lib/changes/api';
import { notFound } from '@/lib/errors';

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requirePermission(actor, 'peering.read');
  const id = Number(params.id);
  const change = Number.isSafeInteger(id) && id > 0 ? await getChange(db(), id) : undefined;
  if (!change) throw notFound('Change');
  return NextResponse.json({ ...apiChange(change), sessions: change.sessions, approvals: change.decisions, pushes: change.pushes });
});
