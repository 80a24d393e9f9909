import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '@/tools/peeringdb-test-server/lab-overlay';
import { type PeeringDbTestServer, startPeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { getJson, pageThrough } from './helpers';

let server: PeeringDbTestServer;

beforeAll(async () => {
  server = await startPeeringDbTestServer({ seed: 5, scale: 0.03 });
});
afterAll(() => server.close());

describe('PeeringDB test server: lists and objects', () => {
  it('serves /api/<tag> and /api/<tag>/<id> in the PeeringDB envelope', async () => {
    const list = await getJson(`${server.url}/net?limit=3`);
    expect(list.status).toBe(200);
    expect(list.body.meta).toEqual({});
    expect(list.body.data.map((row) => row.id)).toEqual(server.store.okRows('net').slice(0, 3).map((row) => row.id));
    const one = await getJson(`${server.url}/net/${LAB.localNetId}`);
    expect(one.body.data).toEqual([server.store.get('net', LAB.localNetId)]);
    expect((await getJson(`${server.url}/net/${LAB.localNetId}/`)).status).toBe(200);
  });

  it('answers unknown tags and objects with 404 and meta.error', async () => {
    const unknown = await getJson(`${server.url}/nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.meta.error).toMatch(/nope/);
    expect((await getJson(`${server.url}/net/999999999`)).status).toBe(404);
    expect((await getJson(`${server.url}/net?id=999999999`)).status).toBe(404);
    expect((await getJson(`${server.url}/carrier`)).body).toEqual({ data: [], meta: {} });
  });

  it('pages a whole tag with limit/skip: every ok row exactly once, in id order', async () => {
    const { rows, requests } = await pageThrough<{ id: number }>(`${server.url}/netixlan`, 250);
    const expected = server.store.okRows('netixlan').map((row) => row.id);
    expect(rows.map((row) => row.id)).toEqual(expected);
    expect(requests).toBe(Math.ceil(expected.length / 250) + 1);
    const all = await getJson(`${server.url}/netixlan?limit=0`);
    expect(all.body.data).toHaveLength(expected.length);
  });

  it('filters exactly and with __in, __lt, __gte, __contains, __startswith', async () => {
    const ids = async (query: string) => (await getJson(`${server.url}/${query}`)).body.data.map((row) => row.id);
    const nets = server.store.okRows('net');
    expect(await ids(`net?asn=${LAB.peerAsn}`)).toEqual([LAB.peerNetId]);
    expect(await ids('net?irr_as_set=as-labpeer')).toEqual([LAB.peerNetId]);
    expect(await ids(`net?id__in=${nets[0].id},${nets[2].id}`)).toEqual([nets[0].id, nets[2].id]);
    expect(await ids(`net?id__lt=${nets[3].id}`)).toEqual(nets.slice(0, 3).map((net) => net.id));
    expect(await ids('net?name__contains=peerdesk%20lab')).toEqual([LAB.localNetId]);
    expect(await ids('ix?name__startswith=LAB-')).toEqual([LAB.labIxId]);
    expect(await ids(`netixlan?ix_id=${LAB.labIxId}&asn__gte=65001&asn__lte=65002`)).toEqual([LAB.localNetixlanId, LAB.peerNetixlanId]);
    const open = server.store.okRows('net').filter((net) => net.policy_general === 'Open' && net.info_ipv6);
    expect(await ids('net?policy_general=Open&info_ipv6=true&limit=0')).toEqual(open.map((net) => net.id));
    expect((await getJson(`${server.url}/net?asn=abc`)).status).toBe(400);
  });

  it('projects fields=a,b and keeps key order', async () => {
    const { body } = await getJson(`${server.url}/netixlan?ix_id=${LAB.labIxId}&asn=${LAB.localAsn}&fields=ipaddr6,asn,ipaddr4`);
    expect(body.data).toEqual([{ asn: LAB.localAsn, ipaddr4: LAB.localIpaddr4, ipaddr6: LAB.localIpaddr6 }]);
  });

  it('holds the lab fixtures: AS65001 at LAB-IX on 10.0.12.1 and at four other exchanges', async () => {
    const ports = (await getJson<{ ix_id: number; ipaddr4: string }>(`${server.url}/netixlan?asn=${LAB.localAsn}`)).body.data;
    expect(ports.find((port) => port.ix_id === LAB.labIxId)?.ipaddr4).toBe('10.0.12.1');
    expect(ports).toHaveLength(1 + LAB.otherIxCount);
    const [labIx] = (await getJson(`${server.url}/ix/${LAB.labIxId}`)).body.data;
    expect(labIx).toMatchObject({ name: 'LAB-IX', name_long: 'Peerdesk Lab Exchange', city: 'Amsterdam', country: 'NL' });
    const prefixes = (await getJson(`${server.url}/ixpfx?ixlan_id=${LAB.labIxlanId}&fields=prefix`)).body.data;
    expect(prefixes).toEqual([{ prefix: '10.0.12.0/22' }, { prefix: '2001:db8:12::/64' }]);
    const [peer] = (await getJson(`${server.url}/net?asn=${LAB.peerAsn}`)).body.data;
    expect(peer).toMatchObject({ name: 'Lab Peer Net', irr_as_set: 'AS-LABPEER', policy_general: 'Open', info_prefixes4: 100, info_prefixes6: 10 });
  });

  it('answers since= with changes strictly after it, deleted rows included, until reset', async () => {
    const watermark = server.store.latestUpdate();
    expect((await getJson(`${server.url}/net?since=${watermark}`)).body.data).toEqual([]);
    const response = await fetch(`${server.url.replace('/api', '')}/__control/mutate`, { method: 'POST', body: JSON.stringify({ fraction: 0.05, seed: 3 }) });
    const summary = (await response.json()) as { updated: string; deleted: Record<string, number>; added: Record<string, number> };
    expect(summary.deleted.net).toBeGreaterThan(0);

    const changes = (await getJson<{ id: number; status: string; updated: string }>(`${server.url}/net?since=${watermark}`)).body.data;
    expect(changes.length).toBeGreaterThan(summary.deleted.net + summary.added.net);
    expect(changes.every((row) => row.updated === summary.updated)).toBe(true);
    const deleted = changes.filter((row) => row.status === 'deleted');
    expect(deleted).toHaveLength(summary.deleted.net);
    expect((await getJson(`${server.url}/net/${deleted[0].id}`)).status).toBe(404);
    const cascaded = (await getJson<{ status: string }>(`${server.url}/netixlan?since=${watermark}&net_id=${deleted[0].id}`)).body.data;
    expect(cascaded.every((row) => row.status === 'deleted')).toBe(true);

    const plain = (await getJson<{ status: string }>(`${server.url}/net?limit=0`)).body.data;
    expect(plain.every((row) => row.status === 'ok')).toBe(true);
    expect(plain).toHaveLength(server.store.counts().net);
    expect((await getJson(`${server.url}/net?since=${server.store.latestUpdate()}`)).body.data).toEqual([]);

    server.reset();
    expect((await getJson(`${server.url}/net?since=${watermark}`)).body.data).toEqual([]);
  });
});
