import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type PeeringDbTestServer, startPeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { getJson } from './helpers';

let server: PeeringDbTestServer;
let control: string;

beforeAll(async () => {
  server = await startPeeringDbTestServer({ seed: 4, scale: 0.02 });
  control = server.url.replace(/\/api$/, '/__control');
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const statusOf = async (url: string) => (await fetch(url)).status;

describe('PeeringDB test server: fault injection', () => {
  it('status: answers the chosen code for N requests of a tag, from the K-th on', async () => {
    server.faults.add({ kind: 'status', status: 502, tag: 'net', times: 2, fromRequest: 2 });
    const net = `${server.url}/net?limit=1`;
    expect(await statusOf(net)).toBe(200);
    expect(await statusOf(`${server.url}/ix?limit=1`)).toBe(200);
    expect(await statusOf(net)).toBe(502);
    expect(await statusOf(net)).toBe(502);
    expect(await statusOf(net)).toBe(200);
    expect(server.faults.pending()).toEqual([]);
  });

  it('status: can send a proxy-style HTML body', async () => {
    server.faults.add({ kind: 'status', status: 503, body: '<html><body>503 Service Unavailable</body></html>' });
    const response = await fetch(`${server.url}/org`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toContain('503');
  });

  it('throttle: 429 with the given Retry-After', async () => {
    server.faults.add({ kind: 'throttle', retryAfter: 7 });
    const { status, body, headers } = await getJson(`${server.url}/org?limit=1`);
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('7');
    expect(body).toEqual({ message: 'Request was throttled. Expected available in 7 seconds.', meta: { error: 'Too Many Requests' } });
  });

  it('truncate: a 200 whose JSON body stops halfway', async () => {
    const full = await (await fetch(`${server.url}/net?limit=20`)).text();
    server.faults.add({ kind: 'truncate', tag: 'net' });
    const response = await fetch(`${server.url}/net?limit=20`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(full.startsWith(text)).toBe(true);
    expect(text.length).toBeLessThan(full.length);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('hang: accepts the request and never answers', async () => {
    server.faults.add({ kind: 'hang' });
    await expect(fetch(`${server.url}/net?limit=1`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(await statusOf(`${server.url}/net?limit=1`)).toBe(200);
  });

  it('reset: destroys the connection', async () => {
    server.faults.add({ kind: 'reset' });
    await expect(fetch(`${server.url}/net?limit=1`)).rejects.toThrow(/fetch failed/);
  });

  it('latency: delays the answer', async () => {
    server.faults.add({ kind: 'latency', ms: 250 });
    const started = performance.now();
    expect(await statusOf(`${server.url}/net?limit=1`)).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('is driven over HTTP too, and reports requests per tag and status', async () => {
    const added = await fetch(`${control}/faults`, {
      method: 'POST',
      body: JSON.stringify([{ kind: 'status', status: 500, tag: 'poc' }, { kind: 'latency', ms: 1, times: 3 }]),
    });
    expect(added.status).toBe(201);
    expect(((await (await fetch(`${control}/faults`)).json()) as { faults: unknown[] }).faults).toHaveLength(2);
    expect((await fetch(`${control}/faults`, { method: 'POST', body: '{"kind":"explode"}' })).status).toBe(400);
    expect(await statusOf(`${server.url}/poc`)).toBe(500);
    expect(await statusOf(`${server.url}/poc?limit=1`)).toBe(200);
    expect((await fetch(`${control}/faults`, { method: 'DELETE' })).status).toBe(200);
    expect(server.faults.pending()).toEqual([]);

    const stats = (await (await fetch(`${control}/stats`)).json()) as { requests: number; byTag: Record<string, number>; byStatus: Record<string, number> };
    expect(stats).toMatchObject({ requests: 2, byTag: { poc: 2 }, byStatus: { 200: 1, 500: 1 } });
    expect((await fetch(`${control}/nope`)).status).toBe(404);
  });

  it('mutates and resets the dataset over HTTP', async () => {
    const watermark = server.store.latestUpdate();
    const mutated = await fetch(`${control}/mutate`, { method: 'POST', body: JSON.stringify({ fraction: 0.02 }) });
    expect(mutated.status).toBe(200);
    expect((await getJson(`${server.url}/org?since=${watermark}`)).body.data.length).toBeGreaterThan(0);
    expect((await fetch(`${control}/mutate`, { method: 'POST', body: '{"fraction":2}' })).status).toBe(400);
    expect((await fetch(`${control}/reset`, { method: 'POST' })).status).toBe(200);
    expect((await getJson(`${server.url}/org?since=${watermark}`)).body.data).toEqual([]);
  });
});
