import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testPeeringDbConnection } from '@/lib/peeringdb/test-connection';
import { startPeeringDbTestServer, type PeeringDbTestServer } from '@/tools/peeringdb-test-server/server';

let server: PeeringDbTestServer;
beforeAll(async () => {
  server = await startPeeringDbTestServer({ seed: 3, scale: 0.01 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('the PeeringDB Test button', () => {
  it('says the key was accepted, or that we are anonymous', async () => {
    expect(await testPeeringDbConnection({ url: server.url, apiKey: 'test-key' })).toContain('it was accepted');
    expect(await testPeeringDbConnection({ url: server.url, apiKey: null })).toContain('anonymously');
  });

  it('reports the exact failure: bad key, throttling, server error, nothing listening', async () => {
    await expect(testPeeringDbConnection({ url: server.url, apiKey: 'bad' })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('refused the API key (401') });
    server.faults.add({ kind: 'throttle', retryAfter: 30 });
    await expect(testPeeringDbConnection({ url: server.url, apiKey: 'test-key' })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('429') });
    server.faults.add({ kind: 'status', status: 502 });
    await expect(testPeeringDbConnection({ url: server.url, apiKey: 'test-key' })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('502') });
    await expect(testPeeringDbConnection({ url: 'http://127.0.0.1:9/api', apiKey: null })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('Cannot reach') });
  });

  it('a web server that is not PeeringDB is called out as such', async () => {
    const web = createServer((_, res) => res.end('<html>hello</html>')).listen(0, '127.0.0.1');
    await new Promise((r) => web.once('listening', r));
    const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}/api`;
    await expect(testPeeringDbConnection({ url, apiKey: null })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('not valid JSON') });
    web.close();
  });
});
