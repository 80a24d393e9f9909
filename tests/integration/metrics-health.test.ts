import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET as healthz } from '@/app/healthz/route';
import { GET as metricsRoute } from '@/app/metrics/route';
import { GET as readyz } from '@/app/readyz/route';
import { db } from '@/db/client';
import { kickScheduler, startScheduler, stopScheduler } from '@/lib/jobs/scheduler';
import { makeUser } from '../support/actors';
import { tokenFor } from '../support/api';
import { seedMonitoredNetwork, SYNCED_AT } from '../support/metrics-fixture';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const METRICS_TOKEN = 'metrics-token-for-the-tests-0123';
const scrape = (token?: string) => metricsRoute(new Request('http://peerdesk.test/metrics', { headers: token ? { authorization: `Bearer ${token}` } : {} }));

/** The sample value for a metric line such as `peerdesk_bgp_sessions{router="edge1",...} 2`. */
function sample(text: string, name: string, labels: Record<string, string> = {}) {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /metrics', () => {
  beforeEach(() => {
    process.env.METRICS_TOKEN = METRICS_TOKEN;
  });
  afterAll(() => {
    delete process.env.METRICS_TOKEN;
  });

  it('answers 401 without a token or with a wrong one', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('not-the-metrics-token-at-all-00')).status).toBe(401);
  });

  it('takes METRICS_TOKEN or any API token', async () => {
    expect((await scrape(METRICS_TOKEN)).status).toBe(200);
    const viewer = await makeUser('viewer');
    const res = await scrape(await tokenFor(viewer));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
  });

  it('reports sessions by router, exchange and state, prefixes against limits, syncs, jobs and requests', async () => {
    const { established } = await seedMonitoredNetwork();
    const text = await (await scrape(METRICS_TOKEN)).text();
    expect(sample(text, 'peerdesk_bgp_sessions', { router: 'edge1', ixp: 'AMS-IX', state: 'established' })).toBe(2);
    expect(sample(text, 'peerdesk_bgp_sessions', { router: 'edge1', ixp: 'AMS-IX', state: 'idle' })).toBe(1);
    // The removed session is gone, the private one counts under "none".
    expect(sample(text, 'peerdesk_bgp_sessions', { router: 'edge2', ixp: 'none', state: 'active' })).toBe(1);
    expect(sample(text, 'peerdesk_bgp_sessions', { router: 'edge2', state: 'established' })).toBeUndefined();
    expect(sample(text, 'peerdesk_session_prefixes_received', { session: String(established.id), peer_ip: '192.0.2.1' })).toBe(812);
    expect(sample(text, 'peerdesk_session_max_prefixes', { session: String(established.id) })).toBe(1000);
    expect(sample(text, 'peerdesk_peeringdb_last_sync_timestamp_seconds')).toBe(SYNCED_AT.getTime() / 1000);
    expect(sample(text, 'peerdesk_peeringdb_last_sync_age_seconds')).toBeGreaterThan(0);
    expect(sample(text, 'peerdesk_peeringdb_last_sync_success')).toBe(1);
    expect(sample(text, 'peerdesk_jobs_queued', { kind: 'peeringdb.sync', status: 'scheduled' })).toBe(1);
    expect(sample(text, 'peerdesk_job_failures_total', { kind: 'session.configure' })).toBe(2);
    expect(sample(text, 'peerdesk_mailbox_last_sync_timestamp_seconds', { mailbox: 'inbox' })).toBe(SYNCED_AT.getTime() / 1000);
    expect(sample(text, 'peerdesk_peering_requests', { stage: 'request_sent' })).toBe(2);
    expect(sample(text, 'peerdesk_database_up')).toBe(1);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE peerdesk_job_duration_seconds histogram');
  });

  it('drops a session that was deleted since the last scrape', async () => {
    await seedMonitoredNetwork();
    expect(sample(await (await scrape(METRICS_TOKEN)).text(), 'peerdesk_bgp_sessions', { state: 'idle' })).toBe(1);
    await db().execute(sql`update bgp_sessions set removed_at = now() where bgp_state = 'Idle'`);
    expect(sample(await (await scrape(METRICS_TOKEN)).text(), 'peerdesk_bgp_sessions', { state: 'idle' })).toBeUndefined();
  });

  it('reports a failed PeeringDB object type as an unsuccessful sync', async () => {
    await seedMonitoredNetwork();
    await db().execute(sql`update pdb_sync_state set last_status = 'failed', last_run_at = now() where tag = 'net'`);
    expect(sample(await (await scrape(METRICS_TOKEN)).text(), 'peerdesk_peeringdb_last_sync_success')).toBe(0);
  });
});

describe('health endpoints', () => {
  afterEach(() => stopScheduler());

  it('/healthz answers without the database or a sign-in', async () => {
    const res = healthz();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('/readyz is ready with the database migrated and the scheduler ticking', async () => {
    startScheduler(async () => undefined);
    kickScheduler();
    await new Promise((r) => setImmediate(r));
    const res = await readyz();
    const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ status: 'ready', checks: { database: { ok: true }, migrations: { ok: true }, scheduler: { ok: true } } });
  });

  it('/readyz answers 503 when this build has a migration the database lacks', async () => {
    startScheduler(async () => undefined);
    await db().execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    try {
      const res = await readyz();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'not_ready', checks: { migrations: { ok: false }, database: { ok: true } } });
    } finally {
      await db().execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('restored-by-test', 9999999999999)`);
    }
  });
});
