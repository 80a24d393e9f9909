import { and, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { notificationPreferences, users, webhookDeliveries, webhooks } from '@/db/schema';
import { NOTIFICATION_EMAIL, WEBHOOK_DELIVERY } from '@/lib/jobs/labels';
import { enqueueJob } from '@/lib/jobs/queue';
import { logger } from '@/lib/log/logger';
import type { NotificationEvent, NotificationPayload } from './events';

const chose = (column: typeof webhooks.events | typeof notificationPreferences.emailEvents, event: NotificationEvent) => sql`${column} @> ${JSON.stringify([event])}::jsonb`;

/**
 * Tells everyone who chose this event: one delivery job per webhook and one e-mail job per user. Call it
 * with the transaction that made the event happen, so a rolled-back change tells nobody. Never throws:
 * a notification problem is logged, it must not undo what happened.
 */
export async function notify(event: NotificationEvent, payload: NotificationPayload, executor: Executor = db()) {
  try {
    // A savepoint inside the caller's transaction: a failure here must not abort what notified.
    await executor.transaction((tx) => queue(tx, event, payload));
  } catch (err) {
    logger().warn({ err, event }, `could not queue the ${event} notification`);
  }
}

async function queue(executor: Executor, event: NotificationEvent, payload: NotificationPayload) {
  const at = new Date().toISOString();
  const hooks = await executor.select({ id: webhooks.id }).from(webhooks).where(chose(webhooks.events, event));
  for (const hook of hooks) {
    const body = { event, at, text: payload.text, data: payload };
    const [delivery] = await executor.insert(webhookDeliveries)
      .values({ webhookId: hook.id, event, body })
      .returning({ id: webhookDeliveries.id });
    await enqueueJob(executor, { kind: WEBHOOK_DELIVERY.name, payload: { deliveryId: delivery.id }, summary: `${event} to webhook #${hook.id}`, dedupeKey: `webhook:${delivery.id}:1` });
  }
  const people = await executor
    .select({ email: users.email })
    .from(notificationPreferences)
    .innerJoin(users, sql`${users.id} = ${notificationPreferences.userId}`)
    .where(and(chose(notificationPreferences.emailEvents, event), isNull(users.disabledAt)));
  for (const person of people) {
    await enqueueJob(executor, { kind: NOTIFICATION_EMAIL.name, payload: { to: person.email, event, text: payload.text, at }, summary: `${event} to ${person.email}`, maxAttempts: 3 });
  }
}
