import { db } from '@/db/client';
import { bgpSessions, jobRuns, jobs, mailSyncState, pdbExchanges, pdbSyncState, peerStatuses, routers } from '@/db/schema';

export const SYNCED_AT = new Date('2026-01-02T03:04:05Z');

/** What an operator's Peerdesk holds a week in: two routers, sessions in several states, a failed job, synced data. */
export async function seedMonitoredNetwork() {
  await db().insert(pdbExchanges).values({ id: 26, name: 'AMS-IX' });
  const [edge1, edge2] = await db()
    .insert(routers)
    .values([
      { name: 'edge1', hostname: 'edge1.example.net', platform: 'frr', localAsn: 64500 },
      { name: 'edge2', hostname: 'edge2.example.net', platform: 'bird', localAsn: 64500 },
    ])
    .returning();
  const session = (routerId: number, peerIp: string, fields: Partial<typeof bgpSessions.$inferInsert>) =>
    ({ routerId, localAsn: 64500, peerAsn: 64501, peerIp, ...fields });
  const [established] = await db()
    .insert(bgpSessions)
    .values([
      session(edge1.id, '192.0.2.1', { ixId: 26, bgpState: 'Established', prefixesReceived: 812, maxPrefixes: 1000 }),
      session(edge1.id, '192.0.2.2', { ixId: 26, bgpState: 'Established', prefixesReceived: 10, maxPrefixes: 100 }),
      session(edge1.id, '192.0.2.3', { ixId: 26, bgpState: 'Idle' }),
      session(edge2.id, '198.51.100.1', { bgpState: 'Active', maxPrefixes: 50 }),
      session(edge2.id, '198.51.100.9', { bgpState: 'Established', removedAt: new Date() }),
    ])
    .returning();
  await db().insert(pdbSyncState).values([
    { tag: 'ix', lastRunAt: SYNCED_AT, lastStatus: 'ok' },
    { tag: 'net', lastRunAt: SYNCED_AT, lastStatus: 'ok' },
  ]);
  const [failed, queued] = await db()
    .insert(jobs)
    .values([
      { kind: 'session.configure', status: 'failed', attempts: 2 },
      { kind: 'peeringdb.sync', status: 'scheduled' },
    ])
    .returning();
  await db().insert(jobRuns).values([
    { jobId: failed.id, attempt: 1, runner: 'test', status: 'failed' },
    { jobId: failed.id, attempt: 2, runner: 'test', status: 'failed' },
    { jobId: queued.id, attempt: 1, runner: 'test', status: 'failed' },
  ]);
  await db().insert(mailSyncState).values({ mailbox: 'inbox', lastRunAt: SYNCED_AT, lastUid: 7 });
  await db().insert(peerStatuses).values([
    { localAsn: 64500, ixId: 26, peerAsn: 64501, status: 'request_sent' },
    { localAsn: 64500, ixId: 26, peerAsn: 64502, status: 'request_sent' },
    { localAsn: 64500, ixId: 26, peerAsn: 64503, status: 'approved' },
  ]);
  return { established };
}
