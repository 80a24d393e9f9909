import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { jobRuns, jobs, pdbSyncState } from '@/db/schema';
import { tick } from '@/lib/jobs/runner';
import { requestPeeringDbSync } from '@/lib/peeringdb/service';
import { startPeeringDbTestServer, type PeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { updatePeeringSettings } from '@/lib/settings/service';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

let server: PeeringDbTestServer;
beforeAll(async () => {
  server = await startPeeringDbTestServer({ seed: 11, scale: 0.01 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const rows = async <T>(query: string) => ((await db().execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
const ids = async (table: string) => (await rows<{ id: number }>(`select id from ${table} order by id`)).map((r) => r.id);
const names = async () => new Map((await rows<{ id: number; name: string }>('select id, name from pdb_net')).map((r) => [r.id, r.name]));
async function serverIds(tag: string) {
  const res = await fetch(`${server.url}/${tag}?limit=0&fields=id`, { headers: { authorization: 'Api-Key test-key' } });
  return ((await res.json()) as { data: { id: number }[] }).data.map((r) => r.id).sort((a, b) => a - b);
}

async function runSyncJob() {
  const operator = await makeUser('operator', `op-${Math.random()}@example.test`);
  const requested = await requestPeeringDbSync(operator, {});
  if (!requested.ok) throw new Error(requested.error.message);
  const id = requested.data.job.id;
  const [outcome] = await tick({ only: id });
  const [job] = await db().select().from(jobs).where(eq(jobs.id, id));
  const runs = await db().select().from(jobRuns).where(eq(jobRuns.jobId, id));
  return { outcome, job, runs };
}

describe('PeeringDB down or throttling during a sync job', () => {
  it('PeeringDB failing half-way: the job fails saying which type and why; the tables keep the last good data; the next sync resumes from the watermarks', async () => {
    const admin = await makeUser('admin');
    expect((await updatePeeringSettings(admin, { asns: '65001', peeringdb: { url: server.url, apiKey: 'test-key', cacheTtl: 3600 } })).ok).toBe(true);
    expect((await runSyncJob()).outcome).toMatchObject({ status: 'succeeded' });
    const goodMemberships = await ids('pdb_netixlan');
    const goodWatermark = (await db().select().from(pdbSyncState).where(eq(pdbSyncState.tag, 'netixlan')))[0].watermark;

    // Edits upstream, then PeeringDB goes down just as the sync reaches the exchange memberships.
    server.store.mutate({ fraction: 0.05 });
    server.faults.add({ kind: 'status', status: 503, tag: 'netixlan', times: 1000 });
    const failed = await runSyncJob();
    expect(failed.outcome.status).toBe('failed');
    expect(failed.job.error).toMatch(/exchange memberships \(netixlan\): PeeringDB answered 503/);
    expect(failed.runs.at(-1)).toMatchObject({ status: 'failed', error: expect.stringContaining('503') });
    expect(await ids('pdb_netixlan')).toEqual(goodMemberships);
    // Types before the failure were applied (their own transactions) and match PeeringDB.
    expect(await ids('pdb_net')).toEqual(await serverIds('net'));
    const [state] = await db().select().from(pdbSyncState).where(eq(pdbSyncState.tag, 'netixlan'));
    expect(state).toMatchObject({ lastStatus: 'failed', lastError: expect.stringContaining('503'), watermark: goodWatermark });

    // PeeringDB is back: the next sync is incremental for every type and brings everything level.
    server.faults.clear();
    const resumed = await runSyncJob();
    expect(resumed.outcome).toMatchObject({ status: 'succeeded' });
    const types = (resumed.job.result as { types: { tag: string; mode: string }[] }).types;
    expect(types.every((t) => t.mode === 'incremental')).toBe(true);
    expect(await ids('pdb_netixlan')).toEqual(await serverIds('netixlan'));
    expect(await ids('pdb_netixlan')).not.toEqual(goodMemberships);
    const states = await db().select().from(pdbSyncState);
    expect(states.every((s) => s.lastStatus === 'ok')).toBe(true);
  });

  it('PeeringDB throttling (429) during the job: it waits as told, says so in the job output, and completes', async () => {
    const admin = await makeUser('admin');
    expect((await updatePeeringSettings(admin, { asns: '65001', peeringdb: { url: server.url, apiKey: 'test-key', cacheTtl: 3600 } })).ok).toBe(true);
    server.faults.add({ kind: 'throttle', retryAfter: 1, tag: 'net', times: 2 });
    const before = await names();
    const { outcome, runs } = await runSyncJob();
    expect(outcome).toMatchObject({ status: 'succeeded' });
    expect(runs.at(-1)?.output).toMatch(/waiting 1 s: .*429/);
    expect(before.size).toBe(0);
    expect(await ids('pdb_net')).toEqual(await serverIds('net'));
  });
});
