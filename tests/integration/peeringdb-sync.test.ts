import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { pdbContacts, pdbNetIxlans, pdbNetworks, pdbSyncState } from '@/db/schema';
import { syncPeeringDb } from '@/lib/peeringdb/sync';
import { startPeeringDbTestServer, type PeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { LAB } from '@/tools/peeringdb-test-server/lab-overlay';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

let server: PeeringDbTestServer;
beforeAll(async () => {
  server = await startPeeringDbTestServer({ seed: 7, scale: 0.02 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = (extra: Record<string, unknown> = {}) => ({ url: server.url, apiKey: 'test-key', retries: 2, ...extra });
const count = async (table: typeof pdbNetworks | typeof pdbNetIxlans | typeof pdbContacts) =>
  (await db().select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
const ids = async (table: string) =>
  ((await db().execute(sql.raw(`select id from ${table} order by id`))) as unknown as { rows: { id: number }[] }).rows.map((r) => r.id);
async function serverIds(tag: string) {
  const res = await fetch(`${server.url}/${tag}?limit=0&fields=id`, { headers: { authorization: 'Api-Key test-key' } });
  return ((await res.json()) as { data: { id: number }[] }).data.map((r) => r.id).sort((a, b) => a - b);
}

describe('PeeringDB sync against the bundled test server', () => {
  it('the first sync copies every object type, including the lab exchange and our network', async () => {
    const results = await syncPeeringDb({ client: client() });
    expect(results.map((r) => r.tag)).toEqual(['org', 'fac', 'ix', 'ixlan', 'ixpfx', 'net', 'poc', 'netfac', 'netixlan']);
    expect(results.every((r) => r.mode === 'full')).toBe(true);
    for (const tag of ['net', 'ix', 'netixlan', 'poc']) expect(await ids(`pdb_${tag}`)).toEqual(await serverIds(tag));
    const [ours] = await db().select().from(pdbNetIxlans).where(sql`${pdbNetIxlans.id} = ${LAB.localNetixlanId}`);
    expect(ours).toMatchObject({ asn: 65001, ixId: LAB.labIxId, ipaddr4: '10.0.12.1' });
    const states = await db().select().from(pdbSyncState);
    expect(states).toHaveLength(9);
    expect(states.every((s) => s.lastStatus === 'ok' && s.watermark)).toBe(true);
  });

  it('contacts visible only to users need the API key; short pages do not end the paging', async () => {
    await syncPeeringDb({ client: client({ apiKey: null }), types: ['poc'] });
    const anonymous = await count(pdbContacts);
    const [nonPublic] = await db().select({ n: sql<number>`count(*)::int` }).from(pdbContacts).where(sql`${pdbContacts.visible} <> 'Public'`);
    expect(nonPublic.n).toBe(0);
    await syncPeeringDb({ client: client(), types: ['poc'], full: true });
    expect(await count(pdbContacts)).toBeGreaterThan(anonymous);
    expect(await ids('pdb_poc')).toEqual(await serverIds('poc'));
  });

  it('an incremental sync with nothing changed changes nothing, and one after edits applies them exactly', async () => {
    await syncPeeringDb({ client: client() });
    const again = await syncPeeringDb({ client: client() });
    expect(again.every((r) => r.mode === 'incremental' && r.deleted === 0)).toBe(true);
    expect(again.reduce((n, r) => n + r.upserted, 0)).toBeLessThan(50);

    const summary = server.store.mutate({ fraction: 0.05 });
    expect(summary).toBeTruthy();
    const after = await syncPeeringDb({ client: client() });
    expect(after.reduce((n, r) => n + r.deleted, 0)).toBeGreaterThan(0);
    for (const tag of ['org', 'net', 'ix', 'ixlan', 'netixlan', 'poc']) expect(await ids(`pdb_${tag}`)).toEqual(await serverIds(tag));
  });

  it('a sync leaves planner statistics for the pages; an incremental that changes nothing writes nothing', async () => {
    const statistics = async () =>
      ((await db().execute(sql`select relname, reltuples::int as n from pg_class where relname in ('pdb_net', 'pdb_netixlan', 'local_asns') order by relname`)) as unknown as { rows: { relname: string; n: number }[] }).rows;
    await syncPeeringDb({ client: client() });
    // Without ANALYZE, reltuples stays -1 (never analyzed) and the planner guesses.
    expect(await statistics()).toEqual([
      { relname: 'local_asns', n: 0 },
      { relname: 'pdb_net', n: await count(pdbNetworks) },
      { relname: 'pdb_netixlan', n: await count(pdbNetIxlans) },
    ]);
    const again = await syncPeeringDb({ client: client() });
    expect(again.every((r) => r.mode === 'incremental' && r.written === 0 && r.deleted === 0)).toBe(true);
  });

  it('a 500 in the middle of an object type fails the sync with a clear message and keeps the last good data', async () => {
    await syncPeeringDb({ client: client() });
    const before = await ids('pdb_netixlan');
    server.store.mutate({ fraction: 0.05 });
    server.faults.add({ kind: 'status', status: 500, tag: 'netixlan', fromRequest: 2, times: 10 });
    await expect(syncPeeringDb({ client: client({ retries: 1 }), full: true })).rejects.toThrow(/exchange memberships \(netixlan\): PeeringDB answered 500.*after 2 attempts/);
    expect(await ids('pdb_netixlan')).toEqual(before);
    const [state] = await db().select().from(pdbSyncState).where(sql`${pdbSyncState.tag} = 'netixlan'`);
    expect(state).toMatchObject({ lastStatus: 'failed', lastError: expect.stringContaining('500') });
  });

  it('a passing 5xx, a truncated page and a short 429 storm are retried and the sync completes', async () => {
    server.faults.add(
      { kind: 'status', status: 503, tag: 'net', times: 1 },
      { kind: 'truncate', tag: 'ix', times: 1 },
      { kind: 'throttle', retryAfter: 1, tag: 'org', times: 2 },
    );
    const waits: string[] = [];
    const results = await syncPeeringDb({ client: client({ onWait: (reason: string) => waits.push(reason) }) });
    expect(results).toHaveLength(9);
    expect(waits.some((w) => w.includes('429'))).toBe(true);
    expect(await ids('pdb_net')).toEqual(await serverIds('net'));
  });

  it('a 429 storm longer than we wait for fails with the throttling message and writes nothing', async () => {
    server.faults.add({ kind: 'throttle', retryAfter: 2, tag: 'org', times: 100 });
    await expect(syncPeeringDb({ client: client({ maxThrottleWaitS: 3 }) })).rejects.toThrow(/throttling requests \(429/);
    expect(await ids('pdb_org')).toEqual([]);
  });

  it('a bad key, an unreachable server and a non-PeeringDB URL each say what is wrong', async () => {
    await expect(syncPeeringDb({ client: client({ apiKey: 'wrong' }) })).rejects.toThrow(/refused the API key \(401/);
    await expect(syncPeeringDb({ client: client({ url: 'http://127.0.0.1:9/api', retries: 0 }) })).rejects.toThrow(/Cannot reach http:\/\/127\.0\.0\.1:9\/api/);
    await expect(syncPeeringDb({ client: client({ url: server.url.replace(/\/api$/, '/nothing-here'), retries: 0 }) })).rejects.toThrow(/Not a PeeringDB API/);
  });

  it('pages that keep coming back truncated fail with a message about the JSON, after the retries', async () => {
    server.faults.add({ kind: 'truncate', tag: 'org', times: 10 });
    await expect(syncPeeringDb({ client: client({ retries: 1 }) })).rejects.toThrow(/not valid JSON \(truncated or not a PeeringDB API\) \(after 2 attempts\)/);
    expect(await ids('pdb_org')).toEqual([]);
  });

  it('dangling references in real-shaped data are kept and counted, not fatal', async () => {
    const results = await syncPeeringDb({ client: client() });
    const dangling = results.reduce((n, r) => n + r.dangling, 0);
    expect(dangling).toBeGreaterThan(0);
  });
});
