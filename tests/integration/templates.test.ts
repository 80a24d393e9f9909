import { beforeEach, describe, expect, it } from 'vitest';
import * as templatesRoute from '@/app/api/v1/templates/route';
import * as templateRoute from '@/app/api/v1/templates/[id]/route';
import * as previewRoute from '@/app/api/v1/templates/[id]/preview/route';
import { db } from '@/db/client';
import { getTemplate, listTemplates } from '@/db/queries/templates';
import { bgpSessions, localAsns, pdbContacts, pdbExchanges, pdbNetIxlans, pdbNetworks, peerGroups, routers, settings } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { loadNeighbors, renderSessions } from '@/lib/config/render';
import { renderEmailTemplate } from '@/lib/peering/request-email';
import { TemplateError } from '@/lib/templates/engine';
import { encryptSecret } from '@/lib/crypto/secrets';
import { createTemplate, deleteTemplate, previewTemplate, revertTemplate, setDefaultTemplate, updateTemplate } from '@/lib/templates/service';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const US = 65001;
let admin: Actor;
let viewer: Actor;
let s: { v4: number; v6: number; bird: number; removed: number; frr: number; bird_router: number };

beforeEach(async () => {
  await db().insert(localAsns).values({ asn: US });
  await db().insert(pdbExchanges).values({ id: 12, name: 'LAB-IX' });
  await db().insert(pdbNetworks).values([
    { id: 1001, asn: US, name: 'Peerdesk Lab Net', irrAsSet: 'AS-PEERDESK' },
    { id: 1002, asn: 65002, name: 'Lab Peer Net', irrAsSet: 'AS-LABPEER', policyGeneral: 'Open', infoPrefixes4: 100, infoPrefixes6: 10 },
  ]);
  await db().insert(pdbNetIxlans).values([
    { id: 1, netId: 1001, ixId: 12, ixlanId: 112, asn: US, ipaddr4: '10.0.12.1', ipaddr6: '2001:db8:12::1' },
    { id: 2, netId: 1002, ixId: 12, ixlanId: 112, asn: 65002, ipaddr4: '10.0.12.2', ipaddr6: '2001:db8:12::2' },
  ]);
  await db().insert(pdbContacts).values({ id: 1, netId: 1002, role: 'Policy', name: 'Jane NOC', email: 'noc@peer.test', visible: 'Public' });
  await db().insert(settings).values({ key: 'requestSender', value: { name: 'Peering Team', address: 'peering@example.test' } });
  const [frr, bird] = await db()
    .insert(routers)
    .values([
      { name: 'r1', hostname: 'r1', platform: 'frr', localAsn: US },
      { name: 'r2', hostname: 'r2', platform: 'bird', localAsn: US },
    ])
    .returning();
  const [group] = await db().insert(peerGroups).values({ routerId: frr.id, ixId: 12, name: 'LAB-V4', family: 4 }).returning();
  const rows = await db()
    .insert(bgpSessions)
    .values([
      { routerId: frr.id, ixId: 12, peerGroupId: group.id, localAsn: US, peerAsn: 65002, peerIp: '10.0.12.2', md5Enc: encryptSecret('Sup3r-Secret'), maxPrefixes: 100, description: 'Lab\nno router bgp 65001' },
      { routerId: frr.id, ixId: 12, localAsn: US, peerAsn: 65002, peerIp: '2001:db8:12::2', type: 'route_server' },
      { routerId: bird.id, ixId: null, localAsn: US, peerAsn: 65002, peerIp: '192.0.2.2', type: 'private', adminDown: true },
      { routerId: frr.id, ixId: 12, localAsn: US, peerAsn: 65009, peerIp: '10.0.12.9', removedAt: new Date(), configStatus: 'removed' },
    ])
    .returning();
  s = { v4: rows[0].id, v6: rows[1].id, bird: rows[2].id, removed: rows[3].id, frr: frr.id, bird_router: bird.id };
  admin = await makeUser('admin');
  viewer = await makeUser('viewer');
});

async function created(input: Record<string, unknown>) {
  const result = await createTemplate(admin, input);
  if (!result.ok) throw new Error(`${result.error.message} ${JSON.stringify(result.error.fields)}`);
  return result.data;
}

const frrTemplate = (extra: Record<string, unknown> = {}) => ({ kind: 'config', platform: 'frr', name: 'Our FRR', body: 'neighbor {{ session.peer_ip }} remote-as {{ session.peer_asn }}\n', ...extra });

describe('the render contract', () => {
  it('loads neighbors grouped by router in the order asked, MD5 decrypted, removed sessions skipped', async () => {
    const groups = await loadNeighbors(db(), [s.bird, s.v6, s.removed, s.v4, 999]);
    expect(groups.map((g) => [g.router.name, g.neighbors.map((n) => n.peerIp)])).toEqual([
      ['r2', ['192.0.2.2']],
      ['r1', ['2001:db8:12::2', '10.0.12.2']],
    ]);
    expect(groups[1].neighbors[1]).toMatchObject({
      sessionId: s.v4,
      md5: 'Sup3r-Secret',
      family: 4,
      peerGroup: 'LAB-V4',
      maxPrefixes: 100,
      key: 'pd_as65002_10_0_12_2',
      description: 'Lab no router bgp 65001',
    });
    expect(groups[1].neighbors[0]).toMatchObject({ family: 6, key: 'pd_as65002_2001_db8_12__2', peerGroup: null, md5: null });
    expect(groups[0].neighbors[0]).toMatchObject({ adminDown: true, type: 'private' });
  });

  it('renders with the built-in template when the platform has no default, a one-line description whatever was typed', async () => {
    const [r1] = await renderSessions(db(), [s.v4, s.v6]);
    expect(r1.template).toEqual({ id: null, name: 'Built-in FRR', revision: 0 });
    expect(r1.sections[0].text).toContain(' neighbor 10.0.12.2 password Sup3r-Secret\n');
    expect(r1.sections[0].text).toContain(' neighbor 10.0.12.2 description Lab no router bgp 65001\n');
    expect(r1.sections[1].text).toContain('route-map RS-IN in');
    const [r2] = await renderSessions(db(), [s.bird]);
    expect(r2.sections[0].text).toContain('protocol bgp pd_as65002_192_0_2_2 {');
    expect(r2.sections[0].text).toContain('disabled yes;');
  });

  it("uses the platform's default custom template, or the one asked for, and names a broken one in the error", async () => {
    const ours = await created(frrTemplate({ isDefault: true }));
    const [r1] = await renderSessions(db(), [s.v4]);
    expect(r1.template).toEqual({ id: ours.id, name: 'Our FRR', revision: 1 });
    expect(r1.sections).toEqual([{ sessionId: s.v4, text: 'neighbor 10.0.12.2 remote-as 65002\n' }]);
    const broken = await created(frrTemplate({ name: 'Broken', body: 'ok\n {{ sesion.peer_ip }}' }));
    const err = await renderSessions(db(), [s.v4], { templateId: broken.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateError);
    expect(err).toMatchObject({ templateName: 'Broken', line: 2, column: 5, message: 'line 2, column 5: undefined variable: sesion' });
  });

  it('renders the e-mail default, or the custom default e-mail template', async () => {
    const vars = { peer: { name: 'Lab Peer Net', asn: 65002 }, local: { asn: US, name: 'Peerdesk', as_set: null }, exchanges: [], sender: { name: 'P', address: 'p@x.test' }, contact: null };
    expect(await renderEmailTemplate(db(), null, vars)).toMatchObject({ subject: 'Peering request: AS65001 Peerdesk and AS65002 Lab Peer Net', template: { id: null, name: 'Peering request' } });
    const mine = await created({ kind: 'email', name: 'Short', subject: 'Hi AS{{ peer.asn }}', body: 'Peer with AS{{ local.asn }}?', isDefault: true });
    expect(await renderEmailTemplate(db(), null, vars)).toEqual({ subject: 'Hi AS65002', body: 'Peer with AS65001?', template: { id: mine.id, name: 'Short' } });
  });
});

describe('custom templates', () => {
  it('keeps a revision for every save, and a revert is a new revision with the old text', async () => {
    const t = await created(frrTemplate());
    await updateTemplate(admin, { id: t.id, body: 'v2 {{ session.peer_ip }}' });
    await updateTemplate(admin, { id: t.id, body: 'v3' });
    const reverted = await revertTemplate(admin, { id: t.id, revision: 1 });
    expect(reverted).toMatchObject({ ok: true, data: { revision: 4, body: frrTemplate().body } });
    const detail = await getTemplate(db(), t.id);
    expect(detail!.revisions.map((r) => [r.revision, r.body.slice(0, 2), r.author])).toEqual([
      [4, 'ne', 'admin@example.test'],
      [3, 'v3', 'admin@example.test'],
      [2, 'v2', 'admin@example.test'],
      [1, 'ne', 'admin@example.test'],
    ]);
    expect(await revertTemplate(admin, { id: t.id, revision: 9 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a body that does not parse, saying where, next to the body', async () => {
    expect(await createTemplate(admin, frrTemplate({ body: 'router bgp 1\n neighbor {{ session.peer_ip | nope }}' }))).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Template: line 2, column 11: undefined filter: nope', fields: { body: 'line 2, column 11: undefined filter: nope' } },
    });
    const t = await created(frrTemplate());
    expect(await updateTemplate(admin, { id: t.id, body: '{% include "x" %}' })).toMatchObject({ ok: false, error: { fields: { body: expect.stringMatching(/^line 1, column 1: .*cannot read/) } } });
    expect((await getTemplate(db(), t.id))!.revision).toBe(1);
  });

  it('asks for a platform for config, a subject for e-mail, and a name not taken', async () => {
    expect(await createTemplate(admin, frrTemplate({ platform: undefined }))).toMatchObject({ ok: false, error: { fields: { platform: 'Choose the platform this template is for' } } });
    expect(await createTemplate(admin, { kind: 'email', name: 'x', body: 'y' })).toMatchObject({ ok: false, error: { fields: { subject: 'Enter the subject' } } });
    await created(frrTemplate());
    expect(await createTemplate(admin, frrTemplate())).toMatchObject({ ok: false, error: { code: 'conflict', fields: { name: 'A config template named "Our FRR" already exists' } } });
  });

  it('has one default per kind and platform', async () => {
    const a = await created(frrTemplate({ name: 'A', isDefault: true }));
    const b = await created(frrTemplate({ name: 'B' }));
    const bird = await created({ kind: 'config', platform: 'bird', name: 'C', body: 'x', isDefault: true });
    await setDefaultTemplate(admin, { id: b.id });
    const defaults = (await listTemplates(db(), { limit: 50, offset: 0 })).filter((t) => t.isDefault).map((t) => t.name);
    expect(defaults.sort()).toEqual(['B', 'C']);
    expect((await getTemplate(db(), a.id))!.isDefault).toBe(false);
    expect((await getTemplate(db(), bird.id))!.isDefault).toBe(true);
  });

  it('lists filtered by kind, platform and text in the database, and deletes', async () => {
    await created(frrTemplate());
    await created({ kind: 'config', platform: 'bird', name: 'Bird one', body: 'protocol bgp x {}' });
    await created({ kind: 'email', name: 'Mail', subject: 's', body: 'b' });
    const names = async (f: Record<string, string>) => (await listTemplates(db(), { ...f, limit: 50, offset: 0 })).map((t) => t.name);
    expect(await names({ kind: 'config' })).toEqual(['Our FRR', 'Bird one']);
    expect(await names({ platform: 'frr' })).toEqual(['Our FRR']);
    expect(await names({ q: 'protocol' })).toEqual(['Bird one']);
    const mail = (await listTemplates(db(), { kind: 'email', limit: 50, offset: 0 }))[0];
    expect(await deleteTemplate(admin, { id: mail.id })).toEqual({ ok: true, data: { id: mail.id } });
    expect(await names({ kind: 'email' })).toEqual([]);
  });

  it('may be read and previewed by viewers, never changed by them or by operators', async () => {
    const operator = await makeUser('operator');
    for (const actor of [viewer, operator]) expect(await createTemplate(actor, frrTemplate())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const t = await created(frrTemplate());
    expect(await updateTemplate(viewer, { id: t.id, body: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await deleteTemplate(operator, { id: t.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await previewTemplate(viewer, { kind: 'config', body: 'x{{ session.peer_ip }}', sessionId: s.v4 })).toEqual({ ok: true, data: { subject: null, text: 'x10.0.12.2' } });
  });
});

describe('preview', () => {
  it('renders unsaved text for a session, with the MD5 key hidden', async () => {
    const result = await previewTemplate(admin, { kind: 'config', body: '{{ session.md5 }} {{ peer.as_set }} {{ exchange.name }} {{ exchange.our_ipv4 }} {{ policy.import }}', sessionId: s.v4 });
    expect(result).toEqual({ ok: true, data: { subject: null, text: '******** AS-LABPEER LAB-IX 10.0.12.1 PEER-IN' } });
  });

  it('answers a template error with its line and column', async () => {
    expect(await previewTemplate(admin, { kind: 'config', body: 'a\nb {{ x | nope }}', sessionId: s.v4 })).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'Template: line 2, column 3: undefined filter: nope',
        fields: { body: 'line 2, column 3: undefined filter: nope' },
        at: { line: 2, column: 3 },
      },
    });
    expect(await previewTemplate(admin, { kind: 'config', body: 'x', sessionId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await previewTemplate(admin, { kind: 'config', body: 'x' })).toMatchObject({ ok: false, error: { fields: { sessionId: 'Choose a session to preview with' } } });
  });

  it('builds e-mail variables from PeeringDB for a network', async () => {
    const result = await previewTemplate(admin, {
      kind: 'email',
      subject: 'AS{{ peer.asn }}',
      body: '{{ contact.name }} <{{ contact.email }}> {% for x in exchanges %}{{ x.name }} {{ x.our_ipv4 }} {{ x.peer_ipv6 }}{% endfor %} {{ local.as_set }} {{ sender.address }}',
      peerAsn: 65002,
    });
    expect(result).toEqual({ ok: true, data: { subject: 'AS65002', text: 'Jane NOC <noc@peer.test> LAB-IX 10.0.12.1 2001:db8:12::2 AS-PEERDESK peering@example.test' } });
  });
});

describe('the templates API', () => {
  it('creates, reads, saves, reverts, sets the default, previews and deletes', async () => {
    const token = await tokenFor(admin);
    const made = await callRoute(templatesRoute.POST, { method: 'POST', token, body: frrTemplate() });
    expect(made).toMatchObject({ status: 201, json: { name: 'Our FRR', revision: 1 } });
    const params = { id: String(made.json.id) };
    expect(await callRoute(templateRoute.PATCH, { method: 'PATCH', token, params, body: { body: 'v2' } })).toMatchObject({ status: 200, json: { revision: 2 } });
    expect(await callRoute(templateRoute.PATCH, { method: 'PATCH', token, params, body: { revertTo: 1, isDefault: true } })).toMatchObject({ status: 200, json: { revision: 3 } });
    expect(await callRoute(templateRoute.PATCH, { method: 'PATCH', token, params, body: { isDefault: true } })).toMatchObject({ status: 200, json: { isDefault: true, revision: 3 } });
    const bad = await callRoute(templateRoute.PATCH, { method: 'PATCH', token, params, body: { body: '{{ x | foo }}' } });
    expect(bad).toMatchObject({ status: 400, json: { error: { code: 'validation', fields: { body: 'line 1, column 1: undefined filter: foo' } } } });
    const got = await callRoute(templateRoute.GET, { token, params });
    expect((got.json.revisions as unknown[]).length).toBe(3);
    const list = await callRoute(templatesRoute.GET, { token, path: '/templates?kind=config&platform=frr' });
    expect(list.json).toMatchObject({ data: [{ name: 'Our FRR', isDefault: true }], next: null, builtin: [{ key: 'config-frr', name: 'Built-in FRR' }] });
    expect(await callRoute(templatesRoute.GET, { token, path: '/templates?kind=letter' })).toMatchObject({ status: 400 });
    const preview = await callRoute(previewRoute.POST, { method: 'POST', token, params, body: { sessionId: s.v4 } });
    expect(preview).toMatchObject({ status: 200, json: { text: 'neighbor 10.0.12.2 remote-as 65002\n' } });
    const unparsable = await callRoute(previewRoute.POST, { method: 'POST', token, params, body: { sessionId: s.v4, body: 'a\n{{ x | foo }}' } });
    expect(unparsable).toMatchObject({ status: 400, json: { error: { code: 'validation', fields: { body: 'line 2, column 1: undefined filter: foo' }, at: { line: 2, column: 1 } } } });
    expect(await callRoute(templateRoute.GET, { token, params: { id: 'config-frr' } })).toMatchObject({ status: 200, json: { builtin: true, platform: 'frr', name: 'Built-in FRR' } });
    const builtin = await callRoute(previewRoute.POST, { method: 'POST', token: await tokenFor(viewer), params: { id: 'config-bird' }, body: { sessionId: s.bird } });
    expect(builtin.json.text).toContain('neighbor 192.0.2.2 as 65002;');
    expect(await callRoute(templateRoute.DELETE, { method: 'DELETE', token: await tokenFor(viewer), params })).toMatchObject({ status: 403 });
    expect(await callRoute(templateRoute.DELETE, { method: 'DELETE', token, params })).toMatchObject({ status: 200 });
    expect(await callRoute(templateRoute.GET, { token, params })).toMatchObject({ status: 404 });
  });
});
