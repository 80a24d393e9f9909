import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { apiRoute, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { createWebhook, listWebhooks } from '@/lib/notifications/webhooks';

export const GET = apiRoute(async ({ actor }) => {
  requirePermission(actor, 'account.own');
  return NextResponse.json({ data: await listWebhooks(db(), actor), next: null });
});

/** {url, events, secret?}: the secret is write-only (one made by Peerdesk is answered once). */
export const POST = apiRoute(async ({ req, actor }) => resultResponse(await createWebhook(actor, await readJson(req)), 201));
