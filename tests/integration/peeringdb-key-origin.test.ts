import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as settingsRoute from '@/app/api/v1/settings/route';
import { db } from '@/db/client';
import { settings } from '@/db/schema';
import { encryptSecret } from '@/lib/crypto/secrets';
import { peeringDbClient } from '@/lib/peeringdb/client';
import { MAX_RESPONSE_BYTES } from '@/lib/peeringdb/guarded-fetch';
import { syncPeeringDb } from '@/lib/peeringdb/sync';
import { testPeeringDb } from '@/lib/peeringdb/test-connection';
import { peeringDbSettings, updatePeeringSettings } from '@/lib/settings/service';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const KEY = 'pdb-key-only-for-the-first-origin';

type Recorder = { url: string; origin: string; authorizations: Array<string | undefined>; close(): Promise<void> };
const open: Recorder[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  vi.unstubAllEnvs();
});

/** A PeeringDB look-alike on loopback that records the Authorization header of every request. */
async function recorder(answer?: (req: IncomingMessage, res: ServerResponse) => void): Promise<Recorder> {
  const authorizations: Array<string | undefined> = [];
  const server: Server = createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    if (answer) return answer(req, res);
    const skip = Number(new URL(req.url!, 'http://x').searchParams.get('skip') ?? 0);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: skip > 0 ? [] : [{ id: 1, asn: 64500, name: 'Net', status: 'ok' }], meta: {} }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rec = { url: `${origin}/api`, origin, authorizations, close: () => new Promise<void>((r) => server.close(() => r())) };
  open.push(rec);
  return rec;
}

async function saveSettings(peeringdb: Record<string, unknown>) {
  const result = await updatePeeringSettings(await makeUser('admin', `admin-${Math.random()}@example.test`), { peeringdb });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe('the stored PeeringDB key goes only to the origin it was saved for', () => {
  it('Test with a typed URL on another origin does not send the stored key there', async () => {
    const [home, elsewhere] = [await recorder(), await recorder()];
    await saveSettings({ url: home.url, apiKey: KEY });

    const admin = await makeUser('admin', 'tester@example.test');
    const typed = await testPeeringDb(admin, { url: elsewhere.url });
    expect(elsewhere.authorizations).toEqual([undefined]);
    expect(typed).toEqual({ ok: true, data: { message: expect.stringContaining(`The stored API key was not sent: it belongs to ${home.origin}`) } });

    expect(await testPeeringDb(admin, {})).toEqual({ ok: true, data: { message: expect.stringContaining('it was accepted') } });
    expect(home.authorizations).toEqual([`Api-Key ${KEY}`]);
    // A key typed with the URL is the user's to send.
    await testPeeringDb(admin, { url: elsewhere.url, apiKey: 'typed-key' });
    expect(elsewhere.authorizations).toEqual([undefined, 'Api-Key typed-key']);
  });

  it('a URL moved to another origin without a new key: the sync runs anonymously, the page says the key must be entered again', async () => {
    const [home, elsewhere] = [await recorder(), await recorder()];
    await saveSettings({ url: home.url, apiKey: KEY });
    const moved = await saveSettings({ url: elsewhere.url });
    expect(moved.peeringdb).toMatchObject({ url: elsewhere.url, hasApiKey: false, apiKeyHeldFor: home.origin });

    // What the sync job does with the settings in use.
    const inUse = await peeringDbSettings();
    await syncPeeringDb({ client: { url: inUse.url, apiKey: inUse.apiKey, retries: 0 }, full: true });
    expect(elsewhere.authorizations.length).toBeGreaterThan(5);
    expect(elsewhere.authorizations.every((a) => a === undefined)).toBe(true);
    expect(home.authorizations).toEqual([]);

    // Back home, the key is used again; entered again for the new origin, it goes there.
    expect((await saveSettings({ url: home.url })).peeringdb).toMatchObject({ hasApiKey: true, apiKeyHeldFor: null });
    expect((await peeringDbSettings()).apiKey).toBe(KEY);
    await saveSettings({ url: elsewhere.url, apiKey: 'key-for-elsewhere' });
    expect(await peeringDbSettings()).toMatchObject({ url: elsewhere.url, apiKey: 'key-for-elsewhere', apiKeyHeldFor: null });
  });

  it('a key saved before origins were kept belongs to the URL saved with it', async () => {
    const elsewhere = await recorder();
    await db().insert(settings).values({ key: 'peeringdb', value: { url: 'https://www.peeringdb.com/api', apiKeyEnc: encryptSecret(KEY) } });
    expect((await peeringDbSettings()).apiKey).toBe(KEY);
    await saveSettings({ url: elsewhere.url });
    expect(await peeringDbSettings()).toMatchObject({ apiKey: null, apiKeyHeldFor: 'https://www.peeringdb.com' });
  });

  it('PEERINGDB_API_KEY goes only to PEERINGDB_URL (or PeeringDB itself), not to a URL set on the page', async () => {
    const elsewhere = await recorder();
    await saveSettings({ url: elsewhere.url });
    vi.stubEnv('PEERINGDB_API_KEY', 'env-key');
    expect(await peeringDbSettings()).toMatchObject({ apiKey: null, apiKeyHeldFor: 'https://www.peeringdb.com' });
    vi.stubEnv('PEERINGDB_URL', elsewhere.url);
    expect(await peeringDbSettings()).toMatchObject({ apiKey: 'env-key', apiKeyHeldFor: null });
  });
});

describe('where the PeeringDB client refuses to go', () => {
  it('a redirect to another origin is refused and the key never reaches it; one within the origin is followed', async () => {
    const elsewhere = await recorder();
    const home = await recorder((req, res) => {
      if (req.url!.startsWith('/api/')) return res.writeHead(302, { location: `${elsewhere.url}/net` }).end();
      res.end('{}');
    });
    const client = peeringDbClient({ url: home.url, apiKey: KEY, retries: 0 });
    await expect(client.get('net')).rejects.toMatchObject({ kind: 'redirect', message: expect.stringContaining(`redirected to ${elsewhere.origin}`) });
    expect(elsewhere.authorizations).toEqual([]);

    const moving = await recorder((req, res) => {
      if (req.url!.startsWith('/api/')) return res.writeHead(301, { location: req.url!.replace('/api/', '/v2/') }).end();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: [{ id: 7, asn: 64507 }], meta: {} }));
    });
    expect(await peeringDbClient({ url: moving.url, apiKey: KEY, retries: 0 }).get('net')).toEqual([{ id: 7, asn: 64507 }]);
    expect(moving.authorizations).toEqual([`Api-Key ${KEY}`, `Api-Key ${KEY}`]);
  });

  it('only https, but for a server on this machine; refused next to the URL field and before any request', async () => {
    const token = await tokenFor(await makeUser('admin'));
    const refused = await callRoute(settingsRoute.PATCH, { method: 'PATCH', path: '/settings', token, body: { peeringdb: { url: 'http://pdb.example.net/api', apiKey: KEY } } });
    expect(refused).toMatchObject({ status: 400, json: { error: { fields: { 'peeringdb.url': expect.stringContaining('https') } } } });
    expect(await callRoute(settingsRoute.PATCH, { method: 'PATCH', path: '/settings', token, body: { peeringdb: { url: 'http://localhost:8000/api' } } })).toMatchObject({ status: 200 });

    const fetchImpl = vi.fn<typeof fetch>();
    const client = peeringDbClient({ url: 'http://pdb.example.net/api', apiKey: KEY, retries: 0, fetchImpl });
    await expect(client.get('net')).rejects.toMatchObject({ kind: 'insecure', message: expect.stringContaining('Use an https URL') });
    expect(fetchImpl).not.toHaveBeenCalled();
    const tested = await testPeeringDb(await makeUser('admin', 'tester@example.test'), { url: 'http://pdb.example.net/api' });
    expect(tested).toMatchObject({ ok: false, error: { code: 'validation', fields: { url: expect.stringContaining('Use an https URL') } } });
  });

  it('an answer larger than the cap is not read to the end, whether or not it says its length', async () => {
    expect(MAX_RESPONSE_BYTES).toBe(256 * 1024 * 1024);
    let sent = 0;
    const endless = await recorder((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.write('{"data":[');
      const chunk = `${JSON.stringify({ id: 1, asn: 1, name: 'x'.repeat(1000) })},`.repeat(64);
      const pump = () => {
        while (sent < 50 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 50 * 1024 * 1024) res.once('drain', pump);
        else res.end('{}]}');
      };
      res.on('close', () => (sent = Infinity));
      pump();
    });
    const client = peeringDbClient({ url: endless.url, retries: 0, maxBytes: 1024 * 1024 });
    await expect(client.get('net')).rejects.toMatchObject({ kind: 'too_large', message: `The answer from ${endless.url} is larger than 1 MB: Peerdesk stopped reading it` });

    const declared = await recorder((_req, res) => res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) }).end());
    await expect(peeringDbClient({ url: declared.url, retries: 0, maxBytes: 1024 * 1024 }).get('net')).rejects.toMatchObject({ kind: 'too_large' });
  });
});
