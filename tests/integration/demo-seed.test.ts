import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { listExchanges } from '@/db/queries/exchanges';
import { CONFIG_PUSH } from '@/lib/jobs/labels';
import { cancelJob } from '@/lib/jobs/service';
import { seedDemo } from '@/scripts/demo/demo';
import { syncPeeringDb } from '@/lib/peeringdb/sync';
import { startPeeringDbTestServer, type PeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

let server: PeeringDbTestServer;
beforeAll(async () => {
  server = await startPeeringDbTestServer({ seed: 1, scale: 0.02 });
});
afterAll(() => server.close());

const rows = async <T>(query: string) => ((await db().execute(sql.raw(query))) as unknown as { rows: T[] }).rows;

describe('the demo seed', () => {
  it('refuses to seed before PeeringDB is synced, saying what to do', async () => {
    await expect(seedDemo(db())).rejects.toThrow(/sync PeeringDB/);
  });

  it('after a sync: AS65001 at several exchanges, render-only routers, every session and peer status, emails, non-zero exchange counts', async () => {
    await syncPeeringDb({ client: { url: server.url, apiKey: 'test-key' } });
    const summary = await seedDemo(db());
    expect(summary.exchanges.length).toBeGreaterThanOrEqual(4);
    expect(summary.exchanges.map((x) => x.name)).toContain('LAB-IX');
    expect(summary.routers.every((r) => r.transport === 'none')).toBe(true);

    const sessionStatuses = await rows<{ config_status: string; n: number }>('select config_status, count(*)::int n from bgp_sessions group by 1');
    expect(sessionStatuses.map((r) => r.config_status).sort()).toEqual(['configured', 'configuring', 'error', 'not_configured', 'removed', 'scheduled']);
    const bgpStates = (await rows<{ bgp_state: string }>("select distinct bgp_state from bgp_sessions where config_status = 'configured'")).map((r) => r.bgp_state);
    expect(bgpStates).toEqual(expect.arrayContaining(['Established', 'Active', 'Idle (PfxCt)']));
    const [errored] = await rows<{ config_error: string }>("select config_error from bgp_sessions where config_status = 'error' limit 1");
    expect(errored.config_error).toMatch(/push failed/);
    const [job] = await rows<{ id: number; kind: string; summary: string; payload: { sessionIds: number[] } }>("select id, kind, summary, payload from jobs where status = 'scheduled'");
    expect(job.kind).toBe(CONFIG_PUSH.name);
    const scheduled = (await rows<{ id: number }>("select id from bgp_sessions where config_status = 'scheduled' order by id")).map((r) => r.id);
    expect(job.payload.sessionIds).toEqual(scheduled);
    // Scheduled through the configure service: its summary, and a Cancel in the Scheduler puts the sessions back.
    expect(job.summary).toMatch(new RegExp(`^Configure ${scheduled.length} sessions on edge1\\.ams(, edge2\\.fra)?$`));
    expect(await cancelJob(await makeUser('operator'), { id: job.id })).toMatchObject({ ok: true });
    const backToNotConfigured = await rows<{ n: number }>(`select count(*)::int n from bgp_sessions where id in (${scheduled.join(',')}) and config_status = 'not_configured'`);
    expect(backToNotConfigured[0].n).toBe(scheduled.length);

    const peerStatuses = (await rows<{ status: string }>('select distinct status from peer_statuses')).map((r) => r.status).sort();
    expect(peerStatuses).toEqual(['approved', 'existing', 'not_qualified', 'rejected', 'request_received', 'request_sent']);
    expect(summary.peers.new).toBeGreaterThan(0);
    const [{ n: notes }] = await rows<{ n: number }>('select count(*)::int n from peer_notes');
    expect(notes).toBeGreaterThan(10);
    const mailboxes = (await rows<{ mailbox: string }>('select distinct mailbox from emails where peer_asn is not null')).map((r) => r.mailbox).sort();
    expect(mailboxes).toEqual(['inbox', 'sent']);
    const [{ n: groups }] = await rows<{ n: number }>('select count(*)::int n from peer_groups');
    expect(groups).toBe(2 * summary.exchanges.length * 2);

    const exchanges = await listExchanges(db(), { limit: 50, offset: 0 });
    expect(exchanges.length).toBe(summary.exchanges.length);
    for (const ix of exchanges) {
      expect(ix.sessions, ix.name).toBeGreaterThan(0);
      expect(ix.unapprovedPeers, ix.name).toBeGreaterThan(0);
    }
    expect(exchanges.some((ix) => ix.currentPeers > 0)).toBe(true);
  });

  it('with the BGP lab env, the routers are its FRR and BIRD over the local transport', async () => {
    await syncPeeringDb({ client: { url: server.url, apiKey: 'test-key' } });
    const summary = await seedDemo(db(), { labRouters: { frrVtySocket: '/lab/r1/run', birdCtl: '/lab/r2/bird.ctl', birdPeersDir: '/lab/r2/peers.d' } });
    expect(summary.routers).toEqual([{ name: 'lab-frr', transport: 'local' }, { name: 'lab-bird', transport: 'local' }]);
    const routers = await rows<{ control_command: string; peers_dir: string | null }>('select control_command, peers_dir from routers order by id');
    expect(routers[0].control_command).toBe('vtysh --vty_socket /lab/r1/run');
    expect(routers[1]).toEqual({ control_command: 'birdc -s /lab/r2/bird.ctl', peers_dir: '/lab/r2/peers.d' });
  });
});
