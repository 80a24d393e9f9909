import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { notificationPreferences, webhookDeliveries, webhooks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { mutation } from '@/lib/auth/mutation';
import { encryptSecret } from '@/lib/crypto/secrets';
import { notFound, ServiceError } from '@/lib/errors';
import { notificationEvents } from './events';

const events = z
  .array(z.enum(notificationEvents, { message: `One of ${notificationEvents.join(', ')}` }), { message: 'Choose the events' })
  .max(notificationEvents.length)
  .transform((list) => [...new Set(list)]);

/** http(s) only: a webhook is a POST to a web server, never file:, data: or anything a fetch might also open. */
const webhookUrl = z
  .string()
  .trim()
  .max(2000, 'At most 2,000 characters')
  .url('Enter a URL such as https://hooks.example.net/peerdesk')
  .refine((u) => /^https?:$/.test(new URL(u).protocol), 'Use an http:// or https:// URL');

export const createWebhookInput = z.object({
  url: webhookUrl,
  events: events.refine((list) => list.length > 0, 'Choose at least one event'),
  /** Write-only; left out, one is made and shown once. */
  secret: z.string().min(16, 'At least 16 characters').max(200, 'At most 200 characters').optional(),
});

const webhookId = z.object({ id: z.coerce.number({ message: 'A webhook id' }).int().positive('A webhook id') });

const notificationPreferencesInput = z.object({ emailEvents: events });

/** What the owner sees: never the secret. */
const view = { id: webhooks.id, url: webhooks.url, events: webhooks.events, createdAt: webhooks.createdAt };

export async function listWebhooks(db: Executor, actor: Actor) {
  return db.select(view).from(webhooks).where(eq(webhooks.userId, actor.id ?? 0)).orderBy(webhooks.id);
}

/** The delivery log of one of the caller's webhooks, newest first. */
export async function listDeliveries(db: Executor, actor: Actor, id: number, limit = 50) {
  const [hook] = await db.select({ id: webhooks.id }).from(webhooks).where(and(eq(webhooks.id, id), eq(webhooks.userId, actor.id ?? 0)));
  if (!hook) throw notFound(`Webhook ${id}`);
  return db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      responseStatus: webhookDeliveries.responseStatus,
      error: webhookDeliveries.error,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, id))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

export const createWebhook = mutation({
  action: 'webhook.create',
  permission: 'account.own',
  input: createWebhookInput,
  async run({ tx, actor, input, audit }) {
    if (!actor.id) throw new ServiceError('forbidden', 'Webhooks belong to a user');
    const secret = input.secret ?? randomBytes(24).toString('base64url');
    const [hook] = await tx.insert(webhooks)
      .values({ userId: actor.id, url: input.url, events: input.events, secretEnc: encryptSecret(secret) })
      .returning(view);
    audit({ target: `webhook:${hook.id}`, details: { url: hook.url, events: hook.events } });
    // The secret is shown this once when Peerdesk made it; one the caller chose is theirs already.
    return { ...hook, ...(input.secret ? {} : { secret }) };
  },
});

export const deleteWebhook = mutation({
  action: 'webhook.delete',
  permission: 'account.own',
  input: webhookId,
  async run({ tx, actor, input, audit }) {
    const [gone] = await tx
      .delete(webhooks)
      .where(and(eq(webhooks.id, input.id), eq(webhooks.userId, actor.id ?? 0)))
      .returning({ id: webhooks.id, url: webhooks.url });
    if (!gone) throw notFound(`Webhook ${input.id}`);
    audit({ target: `webhook:${gone.id}`, details: { url: gone.url } });
    return { id: gone.id, deleted: true };
  },
});

export async function notificationPreferencesOf(db: Executor, actor: Actor) {
  const [row] = await db.select({ emailEvents: notificationPreferences.emailEvents })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, actor.id ?? 0));
  return row?.emailEvents ?? [];
}

/** The events the caller wants by e-mail (to their account's address). */
export const setNotificationPreferences = mutation({
  action: 'notifications.preferences',
  permission: 'account.own',
  input: notificationPreferencesInput,
  async run({ tx, actor, input, audit }) {
    if (!actor.id) throw new ServiceError('forbidden', 'Notifications belong to a user');
    await tx
      .insert(notificationPreferences)
      .values({ userId: actor.id, emailEvents: input.emailEvents })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: { emailEvents: input.emailEvents, updatedAt: sql`now()` } });
    audit({ target: `user:${actor.id}`, details: { emailEvents: input.emailEvents } });
    return { emailEvents: input.emailEvents };
  },
});
