import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as webhooksRoute from '@/app/api/v1/webhooks/route';
import * as deliveriesRoute from '@/app/api/v1/webhooks/[id]/deliveries/route';
import { db } from '@/db/client';
import { jobs, webhookDeliveries, webhooks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { tick } from '@/lib/jobs/runner';
import { WEBHOOK_DELIVERY } from '@/lib/jobs/labels';
import { notify } from '@/lib/notifications/notify';
import { webhookDeliveryKind } from '@/lib/notifications/delivery';
import { createWebhook } from '@/lib/notifications/webhooks';
import { makeUser } from '../../support/actors';
import { callRoute, tokenFor } from '../../support/api';
import { useTestDatabase } from '../../support/test-database';

useTestDatabase();

const SECRET = 'a-receiver-secret-of-some-length';
type Received = { body: string; signature: string | undefined; delivery: string | undefined };

/** A receiver that answers 500 to the first `failures` requests, then 204. */
function receiver(failures: number) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ body, signature: req.headers['x-peerdesk-signature'] as string | undefined, delivery: req.headers['x-peerdesk-delivery'] as string | undefined });
      res.statusCode = received.length <= failures ? 500 : 204;
      res.end();
    });
  });
  return { server, received };
}

let server: Server;
let actor: Actor;
beforeEach(async () => {
  process.env.WEBHOOK_RETRY_BASE_MS = '50';
  actor = await makeUser('viewer');
});
afterEach(() => server?.close());

async function listen(s: Server) {
  server = s;
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/hook`;
}

/** Runs every due webhook delivery job until none is left scheduled. */
async function deliverAll() {
  for (let i = 0; i < 50; i++) {
    const pending = await db().select().from(jobs).where(and(eq(jobs.kind, WEBHOOK_DELIVERY.name), eq(jobs.status, 'scheduled')));
    if (!pending.length) return;
    for (const job of pending) {
      const wait = job.runAt.getTime() - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait + 5));
      await tick({ only: job.id });
    }
  }
  throw new Error('deliveries did not settle');
}

describe('webhooks', () => {
  it('signs every delivery, retries with back-off until the receiver takes it, and never delivers twice', async () => {
    const { server: s, received } = receiver(2);
    const url = await listen(s);
    const created = await createWebhook(actor, { url, events: ['reply.received'], secret: SECRET });
    expect(created).toMatchObject({ ok: true, data: { url, events: ['reply.received'] } });
    expect(created.ok && 'secret' in created.data).toBe(false);
    await createWebhook(actor, { url: `${url}/other`, events: ['session.down'], secret: SECRET });

    await notify('reply.received', { text: 'AS64501 replied to our peering request', peerAsn: 64501 });
    await deliverAll();

    expect(received).toHaveLength(3);
    for (const r of received) {
      expect(r.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(r.body).digest('hex')}`);
      expect(JSON.parse(r.body)).toMatchObject({ event: 'reply.received', text: 'AS64501 replied to our peering request', data: { peerAsn: 64501 } });
    }
    expect(new Set(received.map((r) => r.delivery)).size).toBe(1);
    const [delivery] = await db().select().from(webhookDeliveries);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, responseStatus: 204, error: null });

    // the job run again (a crash after the POST, a second instance): nothing goes out
    const again = await webhookDeliveryKind.run({
      job: {} as never,
      payload: { deliveryId: delivery.id },
      progress: () => undefined,
      log: () => undefined,
      signal: new AbortController().signal,
    });
    expect(again).toEqual({ skipped: 'already delivered' });
    await deliverAll();
    expect(received).toHaveLength(3);

    const token = await tokenFor(actor);
    const [hook] = await db().select().from(webhooks).where(eq(webhooks.url, url));
    const log = await callRoute(deliveriesRoute.GET, { token, params: { id: String(hook.id) } });
    expect(log).toMatchObject({ status: 200, json: { data: [{ event: 'reply.received', status: 'delivered', attempts: 3 }] } });
    const list = await callRoute(webhooksRoute.GET, { token });
    expect(JSON.stringify(list.json)).not.toContain(SECRET);
    expect(hook.secretEnc).not.toContain(SECRET);
  });

  it('gives up after the last attempt and says so in the log', async () => {
    const { server: s, received } = receiver(100);
    const url = await listen(s);
    await createWebhook(actor, { url, events: ['request.stalled'], secret: SECRET });
    await notify('request.stalled', { text: 'stalled' });
    await deliverAll();
    expect(received).toHaveLength(5);
    const [delivery] = await db().select().from(webhookDeliveries);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 5, responseStatus: 500, error: 'HTTP 500', nextAttemptAt: null });
  });

  it('takes only http and https URLs, and makes a secret when none is given (shown once)', async () => {
    const token = await tokenFor(actor);
    const bad = await callRoute(webhooksRoute.POST, { method: 'POST', token, body: { url: 'file:///etc/passwd', events: ['peer.approved'] } });
    expect(bad).toMatchObject({ status: 400, json: { error: { fields: { url: 'Use an http:// or https:// URL' } } } });
    const noEvents = await callRoute(webhooksRoute.POST, { method: 'POST', token, body: { url: 'https://hooks.example.net/x', events: [] } });
    expect(noEvents).toMatchObject({ status: 400, json: { error: { fields: { events: 'Choose at least one event' } } } });
    const made = await callRoute(webhooksRoute.POST, { method: 'POST', token, body: { url: 'https://hooks.example.net/x', events: ['peer.approved'] } });
    expect(made).toMatchObject({ status: 201, json: { secret: expect.stringMatching(/^[\w-]{32}$/) } });
  });
});
