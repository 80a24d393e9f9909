import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bgpSessions, changes, findings, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { RENDER_ONLY_NOTE } from '@/lib/config/push';
import { fixFindings } from '@/lib/findings/fix';
import { tick } from '@/lib/jobs/runner';
import { requestPeeringDbSync } from '@/lib/peeringdb/service';
import { updatePeeringSettings } from '@/lib/settings/service';
import { startPeeringDbTestServer, type PeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { makeUser } from '../../support/actors';
import { useTestDatabase } from '../../support/test-database';

useTestDatabase();

let server: PeeringDbTestServer;
beforeAll(async () => {
  server = await startPeeringDbTestServer({ seed: 5, scale: 0.01 });
});
afterAll(() => server.close());

let operator: Actor;
beforeEach(async () => {
  server.reset();
  operator = await makeUser('operator');
  const settings = await updatePeeringSettings(await makeUser('admin'), { asns: '65001', peeringdb: { url: server.url, apiKey: 'test-key', cacheTtl: 3600 } });
  if (!settings.ok) throw new Error(settings.error.message);
});

async function sync() {
  const requested = await requestPeeringDbSync(operator, {});
  if (!requested.ok) throw new Error(requested.error.message);
  const [outcome] = await tick({ only: requested.data.job.id });
  expect(outcome).toMatchObject({ status: 'succeeded' });
}

async function control(path: string, body: unknown) {
  const res = await fetch(`${server.url.replace(/\/api$/, '')}/__control/${path}`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

type Peer = { netixlanId: number; netId: number; asn: number; ixId: number; ip: string; prefixes: number };

/** Three peers at exchanges where we are, each with a PeeringDB prefix count, and a configured session with each. */
async function peerWithThree(): Promise<Peer[]> {
  const result = await db().execute(sql`
    select distinct on (m.asn) m.id as "netixlanId", m.net_id as "netId", m.asn::float8 as asn, m.ix_id as "ixId", host(m.ipaddr4) as ip, n.info_prefixes4 as prefixes
    from pdb_netixlan m join pdb_net n on n.id = m.net_id
    where m.asn <> 65001 and m.ipaddr4 is not null and n.info_prefixes4 > 0
      and exists (select 1 from pdb_netixlan o where o.ix_id = m.ix_id and o.asn = 65001)
      and (select count(*) from pdb_netixlan d where d.ix_id = m.ix_id and d.asn = m.asn) = 1
    order by m.asn, m.id limit 3`);
  const peers = (result as unknown as { rows: Peer[] }).rows;
  expect(peers).toHaveLength(3);
  const [router] = await db().insert(routers).values({ name: 'edge1', hostname: 'edge1.example.net', platform: 'frr', localAsn: 65001, transport: 'none' }).returning();
  await db()
    .insert(bgpSessions)
    .values(peers.map((p) => ({ routerId: router.id, ixId: p.ixId, localAsn: 65001, peerAsn: p.asn, peerIp: p.ip, maxPrefixes: p.prefixes, configStatus: 'configured' as const })));
  return peers;
}

const open = () => db().select().from(findings).where(isNull(findings.resolvedAt));
const sessionOf = async (ip: string) => (await db().select().from(bgpSessions).where(sql`${bgpSessions.peerIp} = ${ip}::inet`))[0];

describe('findings after a PeeringDB sync', () => {
  it('a peer that left, one that renumbered and one that grew raise exactly those findings, and their fixes work', async () => {
    await sync();
    const [left, renumbered, grown] = await peerWithThree();
    await sync();
    expect(await open()).toEqual([]);

    await control('edit', { tag: 'netixlan', id: left.netixlanId, fields: { status: 'deleted' } });
    const [a, b, c] = renumbered.ip.split('.').map(Number);
    const newIp = `${a}.${b}.${c}.250`;
    await control('edit', { tag: 'netixlan', id: renumbered.netixlanId, fields: { ipaddr4: newIp } });
    await control('edit', { tag: 'net', id: grown.netId, fields: { info_prefixes4: grown.prefixes * 3 } });
    await sync();

    const raised = await open();
    expect(raised.map((f) => [f.kind, f.peerAsn]).sort()).toEqual(
      [
        ['max_prefix_drift', grown.asn],
        ['peer_ip_changed', renumbered.asn],
        ['peer_left_ix', left.asn],
      ].sort(),
    );
    const drift = raised.find((f) => f.kind === 'max_prefix_drift')!;
    expect(drift.details).toMatchObject({ peeringDb: grown.prefixes * 3, configured: grown.prefixes, suggested: grown.prefixes * 3 });
    expect(raised.find((f) => f.kind === 'peer_ip_changed')!.details).toMatchObject({ peerIp: renumbered.ip, newIp });

    const viewer = await makeUser('viewer');
    expect(await fixFindings(viewer, { ids: [drift.id] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const fixed = await fixFindings(operator, { ids: raised.map((f) => f.id) });
    if (!fixed.ok) throw new Error(fixed.error.message);
    expect(fixed.data.fixed).toHaveLength(3);
    // One change per router and operation, through the normal push path.
    expect(await db().select().from(changes)).toHaveLength(2);
    expect((await sessionOf(grown.ip)).maxPrefixes).toBe(grown.prefixes * 3);
    expect(await sessionOf(newIp)).toMatchObject({ peerAsn: renumbered.asn, configStatus: 'configuring' });

    for (const job of fixed.data.jobs) expect(await tick({ only: job })).toMatchObject([{ status: 'succeeded' }]);
    expect((await sessionOf(left.ip)).configStatus).toBe('removed');
    expect((await sessionOf(renumbered.ip)).configStatus).toBe('removed');
    // A render-only router: the new session's configuration was rendered for it, not sent.
    expect(await sessionOf(newIp)).toMatchObject({ configError: RENDER_ONLY_NOTE });

    await sync();
    expect(await open()).toEqual([]);
    const resolved = await db().select().from(findings).where(and(eq(findings.kind, 'max_prefix_drift')));
    expect(resolved[0].resolvedAt).not.toBeNull();
  });
});
