import { beforeEach, describe, expect, it } from 'vitest';
import * as requestsRoute from '@/app/api/v1/requests/route';
import * as runRoute from '@/app/api/v1/requests/follow-ups/run/route';
import * as sendRoute from '@/app/api/v1/requests/follow-ups/send/route';
import { db } from '@/db/client';
import { newPeerMessages } from '@/db/queries/requests';
import { bgpSessions, emails, peerNotes, peerStatuses, routers } from '@/db/schema';
import { recordReplies, requestsByStage } from '@/lib/peering/pipeline';
import { updatePeeringSettings } from '@/lib/settings/service';
import { makeUser } from '../../support/actors';
import { callRoute, tokenFor } from '../../support/api';
import { useTestDatabase } from '../../support/test-database';
import { and, eq } from 'drizzle-orm';
import { AMS, FRA, US, askedStatus, hoursAgo, loadPeeringWorld } from '../peers-fixture';

useTestDatabase();


/** One request at each stage, and a status we never asked about. */
beforeEach(async () => {
  await loadPeeringWorld();
  const asked = askedStatus;
  await db().insert(peerStatuses).values([
    asked(64501, AMS, 'request_sent', 10),
    asked(64502, AMS, 'request_sent', 200, { repliedAt: hoursAgo(1) }),
    asked(64503, AMS, 'request_sent', 400, { followUps: 2, lastFollowUpAt: hoursAgo(300), stalledAt: hoursAgo(100) }),
    asked(64504, AMS, 'approved', 50),
    asked(64501, FRA, 'approved', 60),
    { localAsn: US, ixId: FRA, peerAsn: 64502, status: 'existing' },
  ]);
  const [router] = await db().insert(routers).values({ name: 'ams-rtr1', hostname: 'ams-rtr1.example.net', platform: 'frr', localAsn: US }).returning();
  await db().insert(bgpSessions).values([
    { routerId: router.id, ixId: AMS, localAsn: US, peerAsn: 64504, peerIp: '192.0.2.14', configStatus: 'configured', bgpState: 'Established' },
    { routerId: router.id, ixId: FRA, localAsn: US, peerAsn: 64501, peerIp: '198.51.100.11', configStatus: 'configured', bgpState: 'Active' },
  ]);
});

describe('the outbound request pipeline', () => {
  it('shows every request we sent at its stage: replied, then stalled, then along the pipeline', async () => {
    const token = await tokenFor(await makeUser('viewer'));
    const { status, json } = await callRoute(requestsRoute.GET, { token, path: '/requests' });
    expect(status).toBe(200);
    const rows = json.data as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.peerAsn, r.ixId, r.stage])).toEqual([
      [64502, AMS, 'replied'],
      [64503, AMS, 'stalled'],
      [64501, AMS, 'sent'],
      [64501, FRA, 'configured'],
      [64504, AMS, 'established'],
    ]);
    expect(json.total).toBe(5);
    // the default policy: a week, two follow-ups
    const due = new Date(String(rows[2].nextFollowUpAt)).getTime() - new Date(String(rows[2].sentAt)).getTime();
    expect(rows[2]).toMatchObject({ followUps: 0, repliedAt: null });
    expect(due).toBe(168 * 3_600_000);
    expect(rows[0]).toMatchObject({ nextFollowUpAt: null, repliedAt: expect.any(String) });
  });

  it('filters and pages in SQL, and counts requests by stage', async () => {
    const token = await tokenFor(await makeUser('viewer'));
    const stalled = await callRoute(requestsRoute.GET, { token, path: '/requests?stage=stalled' });
    expect((stalled.json.data as Array<{ peerAsn: number }>).map((r) => r.peerAsn)).toEqual([64503]);
    const page = await callRoute(requestsRoute.GET, { token, path: '/requests?limit=2&cursor=2' });
    expect((page.json.data as Array<{ peerAsn: number }>).map((r) => r.peerAsn)).toEqual([64501, 64501]);
    expect(page.json.next).toBe('4');
    const bad = await callRoute(requestsRoute.GET, { token, path: '/requests?stage=lost' });
    expect(bad).toMatchObject({ status: 400, json: { error: { fields: { stage: expect.stringContaining('sent, replied') } } } });
    expect(await requestsByStage()).toEqual({ sent: 1, replied: 1, approved: 0, configured: 1, established: 1, stalled: 1 });
  });

  it('the follow-up pass in suggest mode lists the due follow-ups and sends nothing; stalls what the last one left unanswered', async () => {
    const admin = await makeUser('admin');
    expect(await updatePeeringSettings(admin, { followUp: { afterHours: 5, max: 1 } })).toMatchObject({ ok: true, data: { followUp: { afterHours: 5, max: 1, mode: 'suggest' } } });
    const token = await tokenFor(await makeUser('operator'));
    const { status, json } = await callRoute(runRoute.POST, { method: 'POST', token, path: '/requests/follow-ups/run' });
    expect(status).toBe(200);
    // 64501 at AMS was sent 10 h ago with no request e-mail on record: due, but there is no thread to follow up
    expect(json).toMatchObject({ mode: 'suggest', sent: [], stalled: [] });
    const due = await callRoute(requestsRoute.GET, { token, path: '/requests?due=true' });
    expect((due.json.data as Array<{ peerAsn: number }>).map((r) => r.peerAsn)).toEqual([64501]);
    await updatePeeringSettings(admin, { followUp: { max: 0 } });
    const again = await callRoute(runRoute.POST, { method: 'POST', token, path: '/requests/follow-ups/run' });
    expect(again.json).toMatchObject({ stalled: [{ peerAsn: 64501, ixId: AMS }] });
  });

  it('a one-click follow-up names its exchange ixId, and exchangeId still works', async () => {
    const token = await tokenFor(await makeUser('operator'));
    const send = (body: Record<string, unknown>) => callRoute(sendRoute.POST, { method: 'POST', token, path: '/requests/follow-ups/send', body });
    // 64501 at AMS was asked without a request e-mail on record: found, but nothing to follow up
    const noThread = { status: 404, json: { error: { message: 'No request e-mail to AS64501 to follow up' } } };
    expect(await send({ peerAsn: 64501, ixId: AMS, localAsn: US })).toMatchObject(noThread);
    expect(await send({ peerAsn: 64501, exchangeId: AMS, localAsn: US })).toMatchObject(noThread);
    expect(await send({ peerAsn: 64501, localAsn: US })).toMatchObject({ status: 400, json: { error: { fields: { ixId: 'Choose an exchange' } } } });
  });
});

describe('replies and new messages', () => {
  const inbox = (fields: Partial<typeof emails.$inferInsert>) => ({ mailbox: 'inbox' as const, uidValidity: 1, toAddresses: ['peering@us.example'], ...fields });

  it("a message from the peer's contact after the request marks it replied, once, with a note", async () => {
    await db().insert(emails).values([
      // before the request: not an answer to it
      inbox({ uid: 1, messageId: '<old@alpha.example>', fromAddress: 'peering@alpha.example', date: hoursAgo(20), peerAsn: 64501, association: 'address' }),
      // tied only by the subject: not from their contacts
      inbox({ uid: 2, messageId: '<subj@x.example>', fromAddress: 'x@x.example', date: hoursAgo(2), peerAsn: 64501, association: 'subject' }),
    ]);
    expect(await recordReplies()).toEqual([]);
    await db().insert(emails).values(inbox({ uid: 3, messageId: '<new@alpha.example>', fromAddress: 'peering@alpha.example', date: hoursAgo(1), peerAsn: 64501, association: 'address' }));
    expect(await recordReplies()).toEqual([expect.objectContaining({ peerAsn: 64501, ixId: AMS })]);
    expect(await recordReplies()).toEqual([]);
    const [row] = await db().select().from(peerStatuses).where(and(eq(peerStatuses.peerAsn, 64501), eq(peerStatuses.ixId, AMS)));
    expect(Math.abs(row.repliedAt!.getTime() - hoursAgo(1).getTime())).toBeLessThan(5_000);
    const notes = await db().select().from(peerNotes).where(eq(peerNotes.kind, 'reply'));
    expect(notes).toEqual([expect.objectContaining({ peerAsn: 64501, ixId: AMS, comment: 'Reply received: the request moved to Replied' })]);
  });

  it('offers a message from a new network that answers nothing we sent as an incoming request', async () => {
    await db().insert(emails).values([
      inbox({ uid: 10, messageId: '<ask@charlie.example>', threadId: '<ask@charlie.example>', fromAddress: 'noc@charlie.example', subject: 'Peering?', date: hoursAgo(3), peerAsn: 64503, association: 'address' }),
      // 64502 already has a status with us: not new
      inbox({ uid: 11, messageId: '<hi@bravo.example>', threadId: '<hi@bravo.example>', fromAddress: 'noc@bravo.example', date: hoursAgo(3), peerAsn: 64502, association: 'address' }),
    ]);
    await db().delete(peerStatuses).where(eq(peerStatuses.peerAsn, 64503));
    const offered = await newPeerMessages(db());
    expect(offered).toEqual([expect.objectContaining({ peerAsn: 64503, subject: 'Peering?', exchanges: [{ ixId: AMS, name: 'AMS-EX' }] })]);
  });
});
