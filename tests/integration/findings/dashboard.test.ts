import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { peerStatuses } from '@/db/schema';
import { loadDashboard } from '@/lib/dashboard/reads';
import { makeUser } from '../../support/actors';
import { useTestDatabase } from '../../support/test-database';
import { AMS, FRA, askedStatus, hoursAgo, loadPeeringWorld } from '../peers-fixture';

useTestDatabase();

const asked = askedStatus;

beforeEach(async () => {
  await loadPeeringWorld();
  await db().insert(peerStatuses).values([
    // 60 replies waiting for an answer: more than any page of requests holds.
    ...Array.from({ length: 60 }, (_, i) => asked(65100 + i, AMS, 'request_sent', 300, { repliedAt: hoursAgo(1 + i) })),
    asked(65200, AMS, 'request_sent', 400, { followUps: 2, lastFollowUpAt: hoursAgo(300), stalledAt: hoursAgo(100) }),
    // Sent 200 hours ago, no follow-up yet: the default week has passed, so one is due.
    asked(65201, FRA, 'request_sent', 200),
    // Sent 10 hours ago: nothing to do yet. Approved: the request is answered.
    asked(65202, AMS, 'request_sent', 10),
    asked(65203, AMS, 'approved', 50),
  ]);
});

describe('the home dashboard', () => {
  it('counts every request that needs someone (replies, stalls, follow-ups due), not only those of a first page, and lists the most pressing', async () => {
    const { requests } = await loadDashboard(await makeUser('viewer'));
    expect(requests.total).toBe(62);
    expect(requests.rows).toHaveLength(5);
    expect(requests.rows.every((r) => r.stage === 'replied')).toBe(true);
  });

  it('lists the stall and the follow-up due once no reply waits', async () => {
    await db().delete(peerStatuses);
    await db().insert(peerStatuses).values([
      asked(65200, AMS, 'request_sent', 400, { followUps: 2, lastFollowUpAt: hoursAgo(300), stalledAt: hoursAgo(100) }),
      asked(65201, FRA, 'request_sent', 200),
      asked(65202, AMS, 'request_sent', 10),
    ]);
    const { requests } = await loadDashboard(await makeUser('viewer'));
    expect(requests.rows.map((r) => [r.peerAsn, r.stage])).toEqual([
      [65200, 'stalled'],
      [65201, 'sent'],
    ]);
    expect(requests.total).toBe(2);
  });
});
