import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bgpSessions, localAsns, peerGroups, prefixLists, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { renderSessions } from '@/lib/config/render';
import { assignPolicies, createPolicy, savePeerFilters, setPeerAsSet, updatePolicy } from '@/lib/filters/policies';
import { peerFilters } from '@/db/schema';
import { peerPrefixLists } from '@/lib/filters/view';
import { peeringSettingsView, updatePeeringSettings } from '@/lib/settings/service';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

let admin: Actor;
let operator: Actor;
let sessionId: number;
let groupId: number;

const ok = <T,>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

beforeEach(async () => {
  admin = await makeUser('admin');
  operator = await makeUser('operator');
  await db().insert(localAsns).values({ asn: 65001 });
  const [router] = await db().insert(routers).values({ name: 'r1', hostname: 'r1', platform: 'frr', transport: 'none', localAsn: 65001 }).returning();
  const [group] = await db().insert(peerGroups).values({ routerId: router.id, name: 'IXP', family: 4 }).returning();
  groupId = group.id;
  const [session] = await db().insert(bgpSessions).values({ routerId: router.id, peerGroupId: group.id, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.13.2' }).returning();
  sessionId = session.id;
});

const rendered = async () => (await renderSessions(db(), [sessionId]))[0].sections[0].text;

describe('routing policies', () => {
  it('the session uses its own policy, else its peer’s, else its peer group’s, else its type’s names', async () => {
    const group = ok(await createPolicy(admin, { name: 'GROUP-IN', direction: 'import', source: 'router' }));
    const peer = ok(await createPolicy(admin, { name: 'PEER65002-IN', direction: 'import', source: 'router' }));
    const own = ok(await createPolicy(admin, { name: 'ONE-SESSION-IN', direction: 'import', source: 'router' }));
    expect(await rendered()).toContain('route-map PEER-IN in');
    ok(await assignPolicies(operator, { level: 'peer_group', id: groupId, importPolicyId: group.id }));
    expect(await rendered()).toContain('route-map GROUP-IN in');
    ok(await assignPolicies(operator, { level: 'peer', id: 65002, importPolicyId: peer.id }));
    expect(await rendered()).toContain('route-map PEER65002-IN in');
    ok(await assignPolicies(operator, { level: 'session', id: sessionId, importPolicyId: own.id }));
    expect(await rendered()).toContain('route-map ONE-SESSION-IN in');
    ok(await assignPolicies(operator, { level: 'session', id: sessionId, importPolicyId: null }));
    expect(await rendered()).toContain('route-map PEER65002-IN in');
  });

  it('a rendered import policy tags communities and drops RPKI invalids once an RTR cache is set', async () => {
    const policy = ok(await createPolicy(admin, { name: 'PD-IX-IN', direction: 'import', communities: '65001:100, 65001:1:2' }));
    ok(await assignPolicies(operator, { level: 'peer', id: 65002, importPolicyId: policy.id }));
    const before = await rendered();
    expect(before).toContain('route-map PD-IX-IN permit 100\n set community 65001:100 additive\n set large-community 65001:1:2 additive');
    expect(before).not.toContain('rpki');
    ok(await updatePeeringSettings(admin, { rpki: { cacheServer: '192.0.2.10:3323' } }));
    const after = await rendered();
    expect(after).toContain('rpki\n rpki cache 192.0.2.10 3323 preference 1\nexit');
    expect(after).toContain('route-map PD-IX-IN deny 10\n match rpki invalid');
    ok(await updatePolicy(admin, { id: policy.id, dropInvalid: false }));
    expect(await rendered()).not.toContain('match rpki invalid');
  });

  it('refuses an export policy Peerdesk would render, a community that is not one, and a policy in the wrong slot', async () => {
    expect(await createPolicy(admin, { name: 'PD-OUT', direction: 'export', source: 'rendered' })).toMatchObject({ ok: false, error: { fields: { source: expect.stringMatching(/import policies only/) } } });
    expect(await createPolicy(admin, { name: 'X', direction: 'import', communities: '65001:100 no-export' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    const out = ok(await createPolicy(admin, { name: 'PD-OUT', direction: 'export', source: 'router' }));
    expect(await assignPolicies(operator, { level: 'session', id: sessionId, importPolicyId: out.id })).toMatchObject({ ok: false, error: { fields: { importPolicyId: 'PD-OUT is an export policy' } } });
    expect(await createPolicy(operator, { name: 'Y', direction: 'import' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the session includes the peer’s IRR list in use, and the AS-SET override is checked and shown', async () => {
    await db().insert(prefixLists).values({ peerAsn: 65002, family: 4, asSet: 'AS-LABPEER', status: 'good', prefixes: ['198.51.100.0/24'], count: 1, texts: { frr: 'no ip prefix-list PD-AS65002-V4\nip prefix-list PD-AS65002-V4 permit 198.51.100.0/24' } });
    const text = await rendered();
    expect(text).toMatch(/^no ip prefix-list PD-AS65002-V4\nip prefix-list PD-AS65002-V4 permit 198\.51\.100\.0\/24\n/);
    expect(text).toContain('neighbor 10.0.13.2 prefix-list PD-AS65002-V4 in');
    expect(await setPeerAsSet(operator, { peerAsn: 65002, asSet: '-h evil AS-X' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    ok(await setPeerAsSet(operator, { peerAsn: 65002, asSet: 'ripe::as-labpeer' }));
    expect(await peerPrefixLists(65002)).toMatchObject({ asSet: 'RIPE::AS-LABPEER', source: 'override' });
  });

  it('the peer page saves AS-SET and policies together: a policy in the wrong slot saves nothing', async () => {
    const exportPolicy = ok(await createPolicy(admin, { name: 'PEER-OUT-X', direction: 'export', source: 'router' }));
    const refused = await savePeerFilters(operator, { peerAsn: 65002, asSet: 'RIPE::AS-EXAMPLE', importPolicyId: String(exportPolicy.id), exportPolicyId: '' });
    expect(refused.ok).toBe(false);
    expect(await db().select().from(peerFilters)).toEqual([]);
    const importPolicy = ok(await createPolicy(admin, { name: 'PEER-IN-X', direction: 'import', source: 'router' }));
    const saved = ok(await savePeerFilters(operator, { peerAsn: 65002, asSet: 'RIPE::AS-EXAMPLE', importPolicyId: String(importPolicy.id), exportPolicyId: String(exportPolicy.id) }));
    expect(saved).toMatchObject({ peerAsn: 65002, importPolicyId: importPolicy.id, exportPolicyId: exportPolicy.id });
    expect((await db().select().from(peerFilters))[0]).toMatchObject({
      asSetOverride: saved.asSetOverride,
      importPolicyId: importPolicy.id,
    });
  });

  it('keeps the IRR and RPKI settings and shows them', async () => {
    ok(await updatePeeringSettings(admin, { irr: { server: 'whois.radb.net:43', sources: 'radb,ripe', refreshHours: 6 }, rpki: { cacheServer: 'rtr.example.net:8282', dropInvalid: false } }));
    expect(await peeringSettingsView()).toMatchObject({ irr: { server: 'whois.radb.net:43', sources: 'RADB,RIPE', refreshHours: 6, maxChangePercent: 50 }, rpki: { cacheServer: 'rtr.example.net:8282', dropInvalid: false } });
    expect(await updatePeeringSettings(admin, { irr: { server: '-h x' } })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
