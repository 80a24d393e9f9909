import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { jobs, pdbExchanges } from '@/db/schema';
import { ensureRecurringJobs } from '@/lib/jobs/recurring';
import { tick } from '@/lib/jobs/runner';
import { requestPeeringDbSync } from '@/lib/peeringdb/service';
import { startPeeringDbTestServer, type PeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { updatePeeringSettings } from '@/lib/settings/service';
import * as syncRoute from '@/app/api/v1/peeringdb/sync/route';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

let server: PeeringDbTestServer;
beforeAll(async () => {
  server = await startPeeringDbTestServer({ seed: 5, scale: 0.01 });
});
afterAll(() => server.close());

async function configure(cacheTtl = 3600) {
  const admin = await makeUser('admin');
  const result = await updatePeeringSettings(admin, { asns: '65001', peeringdb: { url: server.url, apiKey: 'test-key', cacheTtl } });
  expect(result.ok).toBe(true);
}

describe('the PeeringDB sync job', () => {
  it('"Sync now" runs as a job that records its progress and its per-type result', async () => {
    await configure();
    const operator = await makeUser('operator');
    const requested = await requestPeeringDbSync(operator, {});
    if (!requested.ok) throw new Error(requested.error.message);
    const [outcome] = await tick({ only: requested.data.job.id });
    expect(outcome).toMatchObject({ status: 'succeeded' });
    const [job] = await db().select().from(jobs).where(eq(jobs.id, requested.data.job.id));
    expect(job.progress).toMatchObject({ tag: 'netixlan', done: expect.arrayContaining(['org', 'net']) });
    expect((job.result as { types: { tag: string }[] }).types).toHaveLength(9);
    expect((await db().select().from(pdbExchanges)).length).toBeGreaterThan(5);
  });

  it('asking twice gives the one job already waiting; a viewer may not ask', async () => {
    const operator = await makeUser('operator');
    const first = await requestPeeringDbSync(operator, {});
    const second = await requestPeeringDbSync(operator, { full: true });
    expect(first.ok && second.ok && first.data.job.id === second.data.job.id).toBe(true);
    expect(await requestPeeringDbSync(await makeUser('viewer'), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('POST /api/v1/peeringdb/sync answers 202 with the job', async () => {
    const token = await tokenFor(await makeUser('operator'));
    const res = await callRoute(syncRoute.POST, { method: 'POST', token, body: { full: true } });
    expect(res).toMatchObject({ status: 202, json: { job: { id: expect.any(Number), status: 'scheduled' } } });
  });

  it('once an ASN is set, a refresh is kept scheduled every cache TTL, and "Sync now" brings it forward', async () => {
    await ensureRecurringJobs();
    expect(await db().select().from(jobs)).toHaveLength(0);
    await configure(7200);
    await ensureRecurringJobs();
    const [firstRun] = await tick();
    expect(firstRun).toMatchObject({ status: 'succeeded' });
    await ensureRecurringJobs();
    await ensureRecurringJobs();
    const [next] = await db().select().from(jobs).where(eq(jobs.status, 'scheduled'));
    const [done] = await db().select().from(jobs).where(eq(jobs.status, 'succeeded'));
    expect(next.runAt.getTime() - done.finishedAt!.getTime()).toBe(7200 * 1000);

    const brought = await requestPeeringDbSync(await makeUser('operator'), {});
    expect(brought.ok && brought.data.job.id).toBe(next.id);
    const [row] = await db().select({ due: sql<boolean>`${jobs.runAt} <= now()` }).from(jobs).where(eq(jobs.id, next.id));
    expect(row.due).toBe(true);
  });
});
