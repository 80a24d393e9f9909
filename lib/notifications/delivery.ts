import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { webhookDeliveries, webhooks } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/secrets';
import { WEBHOOK_DELIVERY } from '@/lib/jobs/labels';
import { enqueueJob } from '@/lib/jobs/queue';
import type { JobContext, JobKind } from '@/lib/jobs/types';

const MAX_ATTEMPTS = 5;
const TIMEOUT_MS = 10_000;
// WEBHOOK_RETRY_BASE_MS: shorter in tests that wait for the retries.
const retryBaseMs = () => Number(process.env.WEBHOOK_RETRY_BASE_MS) || 30_000;

/** "sha256=<hex>" of the exact body bytes, keyed with the webhook's secret: what the receiver recomputes. */
function signature(secret: string, body: string) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** After attempt n failed: base, 2 x base, 4 x base, ... */
const backoffMs = (attempt: number) => retryBaseMs() * 2 ** (attempt - 1);

const payload = z.object({ deliveryId: z.number().int().positive() });

/**
 * One attempt of one delivery. A delivered one is never sent again (its job may be re-run after a
 * crash); a failed attempt schedules the next one with back-off until MAX_ATTEMPTS.
 */
async function deliver(ctx: JobContext<z.output<typeof payload>>) {
  const [row] = await db()
    .select({ delivery: webhookDeliveries, url: webhooks.url, secretEnc: webhooks.secretEnc })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, ctx.payload.deliveryId));
  if (!row) return { skipped: 'the webhook was deleted' };
  if (row.delivery.status !== 'pending') return { skipped: `already ${row.delivery.status}` };
  const attempt = row.delivery.attempts + 1;
  const body = JSON.stringify({ id: row.delivery.id, ...row.delivery.body });
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(row.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Peerdesk-Webhook',
        'x-peerdesk-event': row.delivery.event,
        'x-peerdesk-delivery': String(row.delivery.id),
        'x-peerdesk-signature': signature(decryptSecret(row.secretEnc), body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(TIMEOUT_MS)]),
    });
    status = res.status;
    await res.body?.cancel();
    if (!res.ok) error = `HTTP ${res.status}`;
  } catch (err) {
    error = err instanceof Error ? (err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message) : String(err);
  }
  const done = !error;
  const last = !done && attempt >= MAX_ATTEMPTS;
  const nextAttemptAt = done || last ? null : new Date(Date.now() + backoffMs(attempt));
  await db()
    .update(webhookDeliveries)
    .set({ attempts: attempt, responseStatus: status, error, status: done ? 'delivered' : last ? 'failed' : 'pending', deliveredAt: done ? new Date() : null, nextAttemptAt })
    .where(and(eq(webhookDeliveries.id, row.delivery.id), eq(webhookDeliveries.status, 'pending')));
  ctx.log(`attempt ${attempt}: ${done ? `delivered (HTTP ${status})` : error}`);
  if (nextAttemptAt) {
    await enqueueJob(db(), {
      kind: WEBHOOK_DELIVERY.name,
      payload: { deliveryId: row.delivery.id },
      runAt: nextAttemptAt,
      summary: `${row.delivery.event} to webhook, attempt ${attempt + 1}`,
      dedupeKey: `webhook:${row.delivery.id}:${attempt + 1}`,
    });
  }
  if (!done) throw new Error(`Attempt ${attempt} of ${MAX_ATTEMPTS} failed: ${error}${nextAttemptAt ? `; next at ${nextAttemptAt.toISOString()}` : '; no attempts left'}`);
  return { delivered: true, attempt, status };
}

export const webhookDeliveryKind: JobKind<z.output<typeof payload>> = { ...WEBHOOK_DELIVERY, payload, run: deliver };
