import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bgpSessions, jobs, peerStatuses, routers, users, webhookDeliveries } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NOTIFICATION_EMAIL } from '@/lib/jobs/labels';
import { notify } from '@/lib/notifications/notify';
import { notifySessionChanges } from '@/lib/notifications/session-state';
import { createWebhook, setNotificationPreferences } from '@/lib/notifications/webhooks';
import { changePeerStatus } from '@/lib/peering/service';
import { peeringDbSyncKind } from '@/lib/peeringdb/job';
import { updatePeeringSettings } from '@/lib/settings/service';
import { makeUser } from '../../support/actors';
import { useTestDatabase } from '../../support/test-database';
import { AMS, US, loadPeeringWorld } from '../peers-fixture';

useTestDatabase();

let operator: Actor;
const events = async () =>
  (await db().select({ event: webhookDeliveries.event, body: webhookDeliveries.body }).from(webhookDeliveries)).map((d) => d.event);

beforeEach(async () => {
  await loadPeeringWorld();
  operator = await makeUser('operator');
  await createWebhook(operator, { url: 'https://hooks.example.net/all', events: ['session.up', 'session.down', 'peer.approved', 'peeringdb.sync_failed'], secret: 'sixteen-chars-or-more' });
});

describe('notifications', () => {
  it('the BGP poll tells about sessions that came up or went down, not the ones that stayed', async () => {
    const [router] = await db().insert(routers).values({ name: 'r1', hostname: 'r1.example.net', platform: 'frr', localAsn: US }).returning();
    const sessions = await db()
      .insert(bgpSessions)
      .values([
        { routerId: router.id, ixId: AMS, localAsn: US, peerAsn: 64501, peerIp: '192.0.2.11', bgpState: 'Established' },
        { routerId: router.id, ixId: AMS, localAsn: US, peerAsn: 64502, peerIp: '192.0.2.12', bgpState: null },
        { routerId: router.id, ixId: AMS, localAsn: US, peerAsn: 64503, peerIp: '192.0.2.13', bgpState: 'Established' },
      ])
      .returning({ id: bgpSessions.id });
    await notifySessionChanges(
      sessions.map((s) => s.id),
      async () => {
        await db().update(bgpSessions).set({ bgpState: 'Active' }).where(eq(bgpSessions.peerAsn, 64501));
        await db().update(bgpSessions).set({ bgpState: 'Established' }).where(eq(bgpSessions.peerAsn, 64502));
      },
    );
    const rows = await db().select().from(webhookDeliveries);
    expect(rows.map((r) => [r.event, (r.body.data as { peerAsn: number }).peerAsn]).sort()).toEqual([
      ['session.down', 64501],
      ['session.up', 64502],
    ]);
    expect(rows.find((r) => r.event === 'session.down')?.body.text).toBe('BGP session to AS64501 192.0.2.11 went down (Active)');
  });

  it('Mark Approved notifies peer.approved; a rolled-back change notifies nobody', async () => {
    await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'mark_request_received' });
    expect(await events()).toEqual([]);
    await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'mark_approved' });
    expect(await events()).toEqual(['peer.approved']);
    await db()
      .transaction(async (tx) => {
        await notify('peer.approved', { text: 'never' }, tx);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await events()).toEqual(['peer.approved']);
  });

  it('a notification that cannot be queued does not undo the change that raised it', async () => {
    await changePeerStatus(operator, { peerAsn: 64502, ixId: AMS, action: 'mark_request_received' });
    await db().transaction(async (tx) => {
      await notify('peer.approved', { text: 'bad \u0000 byte' }, tx); // jsonb refuses NUL: the statement fails
      await tx.update(peerStatuses).set({ status: 'approved' }).where(eq(peerStatuses.peerAsn, 64502));
    });
    const [row] = await db().select().from(peerStatuses).where(eq(peerStatuses.peerAsn, 64502));
    expect(row.status).toBe('approved');
    expect(await events()).toEqual([]);
  });

  it('a PeeringDB sync that fails says so', async () => {
    expect(await updatePeeringSettings(await makeUser('admin'), { peeringdb: { url: 'http://127.0.0.1:9/api' } })).toMatchObject({ ok: true });
    const ctx = {
      job: { id: 42 } as never,
      payload: { full: false },
      progress: () => undefined,
      log: () => undefined,
      signal: new AbortController().signal,
    };
    await expect(peeringDbSyncKind.run(ctx)).rejects.toThrow();
    const rows = await db().select().from(webhookDeliveries);
    expect(rows).toEqual([expect.objectContaining({ event: 'peeringdb.sync_failed', body: expect.objectContaining({ text: expect.stringMatching(/^PeeringDB sync failed: /) }) })]);
  });

  it('e-mails go to the users who chose the event, not to disabled ones', async () => {
    const alice = await makeUser('viewer', 'alice@example.test');
    const bob = await makeUser('viewer', 'bob@example.test');
    expect(await setNotificationPreferences(alice, { emailEvents: ['reply.received', 'peer.approved'] })).toMatchObject({ ok: true });
    expect(await setNotificationPreferences(bob, { emailEvents: ['peer.approved'] })).toMatchObject({ ok: true });
    expect(await setNotificationPreferences(bob, { emailEvents: ['bogus'] })).toMatchObject({ ok: false, error: { code: 'validation' } });
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, bob.id!));
    await notify('peer.approved', { text: 'AS64501 approved' });
    const mails = await db().select({ payload: jobs.payload }).from(jobs).where(eq(jobs.kind, NOTIFICATION_EMAIL.name));
    expect(mails.map((m) => m.payload)).toEqual([expect.objectContaining({ to: 'alice@example.test', event: 'peer.approved', text: 'AS64501 approved' })]);
  });
});
