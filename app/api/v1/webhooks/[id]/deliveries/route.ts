import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { apiRoute, parseOrThrow, requirePermission } from '@/lib/api/respond';
import { listDeliveries } from '@/lib/notifications/webhooks';
import { z } from 'zod';

/** The delivery log: every event sent to the webhook, with attempts, the answer and the next attempt. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requirePermission(actor, 'account.own');
  const id = parseOrThrow(z.coerce.number().int().positive('A webhook id'), params.id);
  return NextResponse.json({ data: await listDeliveries(db(), actor, id), next: null });
});
