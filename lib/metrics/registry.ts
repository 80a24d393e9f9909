import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    databaseUp: new Gauge({ name: 'peerdesk_database_up', help: 'Whether the last scrape could read the database (1) or not (0)', registers }),
    bgpSessions: new Gauge({ name: 'peerdesk_bgp_sessions', help: 'BGP sessions by router, exchange and polled state', labelNames: ['router', 'ixp', 'state'], registers }),
    prefixesReceived: new Gauge({
      name: 'peerdesk_session_prefixes_received',
      help: 'Prefixes the router last reported receiving on the session',
      labelNames: ['session', 'router', 'peer_asn', 'peer_ip'],
      registers,
    }),
    maxPrefixes: new Gauge({
      name: 'peerdesk_session_max_prefixes',
      help: 'The maximum-prefix limit configured for the session',
      labelNames: ['session', 'router', 'peer_asn', 'peer_ip'],
      registers,
    }),
    peeringDbLastSync: new Gauge({ name: 'peerdesk_peeringdb_last_sync_timestamp_seconds', help: 'When the last successful PeeringDB sync ran (Unix time)', registers }),
    peeringDbSyncAge: new Gauge({ name: 'peerdesk_peeringdb_last_sync_age_seconds', help: 'Seconds since the last successful PeeringDB sync', registers }),
    peeringDbSyncSuccess: new Gauge({ name: 'peerdesk_peeringdb_last_sync_success', help: 'Whether every PeeringDB object type synced on its last run (1) or one failed (0)', registers }),
    jobsQueued: new Gauge({ name: 'peerdesk_jobs_queued', help: 'Jobs waiting or running, by kind and status', labelNames: ['kind', 'status'], registers }),
    jobFailures: new Counter({ name: 'peerdesk_job_failures_total', help: 'Failed job runs recorded in the database, by kind', labelNames: ['kind'], registers }),
    jobDuration: new Histogram({
      name: 'peerdesk_job_duration_seconds',
      help: 'How long job runs took in this instance, by kind and outcome',
      labelNames: ['kind', 'status'],
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
      registers,
    }),
    mailboxLastSync: new Gauge({ name: 'peerdesk_mailbox_last_sync_timestamp_seconds', help: 'When the mailbox folder was last synced (Unix time)', labelNames: ['mailbox'], registers }),
    mailboxSyncAge: new Gauge({ name: 'peerdesk_mailbox_sync_age_seconds', help: 'Seconds since the mailbox folder was last synced', labelNames: ['mailbox'], registers }),
    mailboxSyncSuccess: new Gauge({ name: 'peerdesk_mailbox_last_sync_success', help: 'Whether the last sync of the mailbox folder succeeded (1) or not (0)', labelNames: ['mailbox'], registers }),
    peeringRequests: new Gauge({ name: 'peerdesk_peering_requests', help: 'Peers per exchange and local ASN, by stage of the peering workflow', labelNames: ['stage'], registers }),
  };
}

export type Metrics = ReturnType<typeof build>;

// One registry per process: Next may load this module from several server chunks.
const holder = globalThis as { __peerdeskMetrics?: Metrics };

export function metrics(): Metrics {
  holder.__peerdeskMetrics ??= build();
  return holder.__peerdeskMetrics;
}
