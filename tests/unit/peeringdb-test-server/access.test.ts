import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '@/tools/peeringdb-test-server/lab-overlay';
import { type PeeringDbTestServer, startPeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { getJson, pageThrough } from './helpers';

const KEY = 'test-key';
let server: PeeringDbTestServer;
let limited: PeeringDbTestServer;

beforeAll(async () => {
  server = await startPeeringDbTestServer({ seed: 9, scale: 0.03 });
  limited = await startPeeringDbTestServer({ store: server.store, rateLimit: { anonymousPerMinute: 3, authenticatedPerMinute: 5 } });
});
afterAll(async () => {
  await Promise.all([server.close(), limited.close()]);
});

describe('PeeringDB test server: authentication', () => {
  it('accepts Api-Key keys and rejects unknown ones with 401', async () => {
    expect((await getJson(`${server.url}/net?limit=1`, KEY)).status).toBe(200);
    const rejected = await getJson(`${server.url}/net?limit=1`, 'not-a-key');
    expect(rejected.status).toBe(401);
    expect(rejected.body).toEqual({ meta: { error: 'Invalid API key' } });
  });

  it('answers Basic authentication with 403: it is deprecated', async () => {
    const response = await fetch(`${server.url}/net?limit=1`, { headers: { Authorization: `Basic ${btoa('user:password')}` } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ meta: { error: 'Basic authentication support has been deprecated. Please use an API key.' } });
  });
});

describe('PeeringDB test server: poc visibility', () => {
  it('hides rows after limit/skip, so pages come back short: Public anonymously, Public+Users with a key', async () => {
    const anonymous = (await getJson<{ visible: string }>(`${server.url}/poc?limit=100`)).body.data;
    const withKey = (await getJson<{ visible: string }>(`${server.url}/poc?limit=100`, KEY)).body.data;
    expect(anonymous.length).toBeLessThan(60);
    expect(anonymous.every((poc) => poc.visible === 'Public')).toBe(true);
    expect(withKey.length).toBeGreaterThan(anonymous.length);
    expect(withKey.length).toBeLessThan(100);
    expect(new Set(withKey.map((poc) => poc.visible))).toEqual(new Set(['Public', 'Users']));
  });

  it('yields every visible contact to a pager that stops only on an empty page', async () => {
    const { rows } = await pageThrough<{ id: number }>(`${server.url}/poc`, 50, KEY);
    const visible = server.store.okRows('poc').filter((poc) => poc.visible !== 'Private');
    expect(rows.map((poc) => poc.id)).toEqual(visible.map((poc) => poc.id));
  });

  it('shows the lab peer its Public policy contact anonymously and its NOC only with a key', async () => {
    const anonymous = (await getJson(`${server.url}/poc?net_id=${LAB.peerNetId}`)).body.data;
    expect(anonymous.map((poc) => [poc.role, poc.email])).toEqual([['Policy', 'noc@peer.test']]);
    const withKey = (await getJson(`${server.url}/poc?net_id=${LAB.peerNetId}`, KEY)).body.data;
    expect(withKey.map((poc) => poc.role)).toEqual(['Policy', 'NOC']);
    expect((await getJson(`${server.url}/poc/${LAB.peerNocPocId}`)).status).toBe(403);
    expect((await getJson(`${server.url}/poc/${LAB.peerNocPocId}`, KEY)).status).toBe(200);
  });

  it('shows an ixlan member list URL only to callers its visibility allows', async () => {
    const users = server.store.okRows('ixlan').find((ixlan) => ixlan.ixf_ixp_member_list_url_visible === 'Users' && ixlan.ixf_ixp_member_list_url);
    expect(users).toBeDefined();
    const [anonymous] = (await getJson(`${server.url}/ixlan/${users?.id}`)).body.data;
    const [withKey] = (await getJson(`${server.url}/ixlan/${users?.id}`, KEY)).body.data;
    expect(anonymous).not.toHaveProperty('ixf_ixp_member_list_url');
    expect(withKey.ixf_ixp_member_list_url).toBe(users?.ixf_ixp_member_list_url);
  });
});

describe('PeeringDB test server: rate limits', () => {
  it('throttles each caller with 429, Retry-After and PeeringDB’s message', async () => {
    for (let i = 0; i < 3; i++) expect((await getJson(`${limited.url}/org?limit=1`)).status).toBe(200);
    const throttled = await getJson(`${limited.url}/org?limit=1`);
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(throttled.body).toEqual({ message: `Request was throttled. Expected available in ${retryAfter} seconds.`, meta: { error: 'Too Many Requests' } });
    for (let i = 0; i < 5; i++) expect((await getJson(`${limited.url}/org?limit=1`, KEY)).status).toBe(200);
    expect((await getJson(`${limited.url}/org?limit=1`, KEY)).status).toBe(429);
  });
});
