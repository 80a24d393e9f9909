import { db } from '@/db/client';
import { jobFailures, jobQueue, mailboxSync, peeringDbSync, peeringRequestsByStage, sessionPrefixes, sessionsByState } from '@/db/queries/metrics';
import { logger } from '@/lib/log/logger';
import { metrics, type Metrics } from './registry';

/** Everything the database knows is read at scrape time, so every instance reports the same numbers. */
async function readDatabase(m: Metrics, now: number) {
  const executor = db();
  const [sessions, prefixes, pdb, queue, failures, mail, requests] = await Promise.all([
    sessionsByState(executor),
    sessionPrefixes(executor),
    peeringDbSync(executor),
    jobQueue(executor),
    jobFailures(executor),
    mailboxSync(executor),
    peeringRequestsByStage(executor),
  ]);
  // Reset first: a session deleted or a state left since the last scrape must disappear, not linger.
  for (const gauge of [
    m.bgpSessions,
    m.prefixesReceived,
    m.maxPrefixes,
    m.jobsQueued,
    m.mailboxLastSync,
    m.mailboxSyncAge,
    m.mailboxSyncSuccess,
    m.peeringRequests,
  ]) gauge.reset();
  m.jobFailures.reset();
  m.peeringDbLastSync.reset();
  m.peeringDbSyncAge.reset();
  m.peeringDbSyncSuccess.reset();

  for (const r of sessions) m.bgpSessions.set({ router: r.router, ixp: r.ixp, state: r.state }, r.n);
  for (const r of prefixes) {
    const labels = { session: String(r.id), router: r.router, peer_asn: r.peer_asn, peer_ip: r.peer_ip };
    if (r.received !== null) m.prefixesReceived.set(labels, r.received);
    if (r.max !== null) m.maxPrefixes.set(labels, r.max);
  }
  if (pdb?.last_ok != null) {
    m.peeringDbLastSync.set(pdb.last_ok);
    m.peeringDbSyncAge.set(Math.max(0, now - pdb.last_ok));
  }
  if (pdb?.last_run != null) m.peeringDbSyncSuccess.set(pdb.failed ? 0 : 1);
  for (const r of queue) m.jobsQueued.set({ kind: r.kind, status: r.status }, r.n);
  for (const r of failures) m.jobFailures.inc({ kind: r.kind }, r.n);
  for (const r of mail) {
    if (r.last_run === null) continue;
    m.mailboxLastSync.set({ mailbox: r.mailbox }, r.last_run);
    m.mailboxSyncAge.set({ mailbox: r.mailbox }, Math.max(0, now - r.last_run));
    m.mailboxSyncSuccess.set({ mailbox: r.mailbox }, r.failing ? 0 : 1);
  }
  for (const r of requests) m.peeringRequests.set({ stage: r.stage }, r.n);
}

/** The Prometheus text exposition; process metrics still answer when the database does not. */
export async function scrapeMetrics() {
  const m = metrics();
  try {
    await readDatabase(m, Date.now() / 1000);
    m.databaseUp.set(1);
  } catch (err) {
    logger().error({ err }, 'metrics: reading the database failed');
    m.databaseUp.set(0);
  }
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
