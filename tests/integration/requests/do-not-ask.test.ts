import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as statusRoute from '@/app/api/v1/peers/[asn]/status/route';
import { db } from '@/db/client';
import { doNotAskUntil, isDoNotAsk, mayAsk } from '@/db/queries/do-not-ask';
import { peerNotes, peerStatuses, pdbNetworks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requestDraft } from '@/lib/peering/requests';
import { changePeerStatus } from '@/lib/peering/service';
import { makeUser } from '../../support/actors';
import { callRoute, tokenFor } from '../../support/api';
import { useTestDatabase } from '../../support/test-database';
import { AMS, FRA, loadPeeringWorld } from '../peers-fixture';

useTestDatabase();

let operator: Actor;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);

beforeEach(async () => {
  await loadPeeringWorld();
  operator = await makeUser('operator');
});

describe("don't ask until", () => {
  it('Mark Rejected with a date leaves the network out everywhere until then, and survives Reset Status', async () => {
    const until = inDays(90);
    expect(await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'mark_request_received' })).toMatchObject({ ok: true });
    expect(await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'mark_rejected', doNotAskUntil: until })).toMatchObject({ ok: true, data: { to: 'rejected' } });
    const [row] = await db().select().from(peerStatuses).where(eq(peerStatuses.peerAsn, 64501));
    expect(row.doNotAskUntil?.getTime()).toBe(until.getTime());
    expect(await isDoNotAsk(db(), 64501)).toBe(true);
    expect(await isDoNotAsk(db(), 64501, inDays(91))).toBe(false);
    expect(await isDoNotAsk(db(), 64502)).toBe(false);
    const notes = await db().select().from(peerNotes).where(eq(peerNotes.peerAsn, 64501));
    expect(notes.at(-1)?.comment).toBe(`Do not ask until ${until.toISOString().slice(0, 10)}`);

    expect(await changePeerStatus(operator, { peerAsn: 64501, ixId: AMS, action: 'reset' })).toMatchObject({ ok: true, data: { to: 'new' } });
    // at another exchange too: the compose screen says why
    const draft = await requestDraft(db(), { peerAsn: 64501, ixIds: [FRA] });
    expect(draft.doNotAskUntil?.getTime()).toBe(until.getTime());
    const askable = await db().select({ asn: pdbNetworks.asn }).from(pdbNetworks).where(mayAsk(pdbNetworks.asn));
    expect(askable.map((r) => r.asn)).not.toContain(64501);
    expect(askable.map((r) => r.asn)).toContain(64502);
  });

  it('Mark Not Qualified without a date clears an earlier one', async () => {
    await changePeerStatus(operator, { peerAsn: 64502, ixId: AMS, action: 'mark_not_qualified', doNotAskUntil: inDays(10) });
    expect(await doNotAskUntil(db(), 64502)).not.toBeNull();
    await changePeerStatus(operator, { peerAsn: 64502, ixId: AMS, action: 'reset' });
    await changePeerStatus(operator, { peerAsn: 64502, ixId: AMS, action: 'mark_not_qualified' });
    expect(await doNotAskUntil(db(), 64502)).toBeNull();
  });

  it('POST /peers/{asn}/status takes doNotAskUntil for the decline actions only, and only in the future', async () => {
    const token = await tokenFor(operator);
    const post = (body: Record<string, unknown>) => callRoute(statusRoute.POST, { method: 'POST', token, params: { asn: '64503' }, body: { exchangeId: AMS, ...body } });
    const past = await post({ action: 'mark_not_qualified', doNotAskUntil: '2020-01-01' });
    expect(past).toMatchObject({ status: 400, json: { error: { fields: { doNotAskUntil: 'Choose a date in the future' } } } });
    const wrong = await post({ action: 'mark_existing', doNotAskUntil: inDays(5).toISOString() });
    expect(wrong).toMatchObject({ status: 400, json: { error: { fields: { doNotAskUntil: expect.stringContaining('Only Mark Rejected') } } } });
    const ok = await post({ action: 'mark_not_qualified', doNotAskUntil: inDays(5).toISOString().slice(0, 10) });
    expect(ok.status).toBe(200);
    expect(await isDoNotAsk(db(), 64503)).toBe(true);
  });
});
