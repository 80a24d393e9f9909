import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listChanges } from '@/db/queries/changes';
import { apiRoute, pageOf, pageParams, requirePermission } from '@/lib/api/respond';
import { validationFailure } from '@/lib/auth/mutation';
import { apiChange } from '@/lib/changes/api';
import { changeListFilters } from '@/lib/changes/schemas';
import { ServiceError } from '@/lib/errors';

export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'peering.read');
  const params = pageParams(req.url);
  const filters = changeListFilters.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!filters.success) {
    const failure = validationFailure(filters.error);
    throw new ServiceError('validation', failure.message, failure.fields);
  }
  const rows = await listChanges(db(), { ...filters.data, ...params });
  const page = pageOf(rows, params);
  return NextResponse.json({ data: page.data.map(apiChange), next: page.next });
});
