import { afterEach, describe, expect, it, vi } from 'vitest';
import * as settingsRoute from '@/app/api/v1/settings/route';
import { db } from '@/db/client';
import { auditLog, settings } from '@/db/schema';
import { peeringDbSettings, updatePeeringSettings } from '@/lib/settings/service';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const API_KEY = 'pdb-key-7f3c9a1e5b2d4c6e8f0a';

afterEach(() => vi.unstubAllEnvs());

async function asAdmin() {
  const admin = await makeUser('admin');
  return { admin, token: await tokenFor(admin) };
}

const patch = (token: string, body: unknown) => callRoute(settingsRoute.PATCH, { method: 'PATCH', path: '/settings', token, body });
const get = (token: string) => callRoute(settingsRoute.GET, { path: '/settings', token });

describe('local ASNs', () => {
  it.each([
    ['23456', 'AS23456 is AS_TRANS, a placeholder, not a real ASN'],
    ['64500, 64501, 64500', 'AS64500 is listed twice'],
    ['64500, AS64500', 'AS64500 is listed twice'],
    ['0', '"0" is not an ASN: use numbers from 1 to 4294967295'],
    ['4294967296', '"4294967296" is not an ASN: use numbers from 1 to 4294967295'],
    ['64500, sixty', '"sixty" is not an ASN: use numbers from 1 to 4294967295'],
  ])('"%s" is refused next to the ASNs field: %s', async (asns, message) => {
    const { admin } = await asAdmin();
    const result = await updatePeeringSettings(admin, { asns });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { asns: message } } });
  });

  it('accepts "AS64500, 4200000000" as typed in the form, and a list of numbers from the API', async () => {
    const { admin, token } = await asAdmin();
    expect(await updatePeeringSettings(admin, { asns: 'AS64500, 4200000000' })).toMatchObject({ ok: true, data: { asns: [64500, 4_200_000_000] } });
    expect(await patch(token, { asns: [64501] })).toMatchObject({ status: 200, json: { asns: [64501] } });
    expect(await patch(token, { asns: [64501, 23456] })).toMatchObject({ status: 400, json: { error: { fields: { asns: expect.stringContaining('AS_TRANS') } } } });
    expect((await get(token)).json).toMatchObject({ asns: [64501] });
  });
});

describe('the PeeringDB API key', () => {
  it('is stored encrypted and never shown: not in the settings table, the audit log, nor GET /settings', async () => {
    const { token } = await asAdmin();
    const saved = await patch(token, { peeringdb: { url: 'https://beta.peeringdb.com/api/', apiKey: API_KEY, cacheTtl: 3600 } });
    expect(saved).toMatchObject({ status: 200, json: { peeringdb: { url: 'https://beta.peeringdb.com/api', hasApiKey: true, cacheTtl: 3600 } } });

    const stored = JSON.stringify(await db().select().from(settings));
    expect(stored).toContain('apiKeyEnc');
    expect(stored).not.toContain(API_KEY);
    expect(JSON.stringify(await db().select().from(auditLog))).not.toContain(API_KEY);
    const shown = await get(token);
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.json)).not.toContain(API_KEY);
    expect(JSON.stringify(saved.json)).not.toContain(API_KEY);
    expect((await peeringDbSettings()).apiKey).toBe(API_KEY);
  });

  it('an empty key keeps the stored one; null removes it', async () => {
    const { token } = await asAdmin();
    await patch(token, { peeringdb: { apiKey: API_KEY } });
    expect(await patch(token, { peeringdb: { apiKey: '', cacheTtl: 600 } })).toMatchObject({ status: 200, json: { peeringdb: { hasApiKey: true, cacheTtl: 600 } } });
    expect((await peeringDbSettings()).apiKey).toBe(API_KEY);
    expect(await patch(token, { peeringdb: { apiKey: null } })).toMatchObject({ status: 200, json: { peeringdb: { hasApiKey: false } } });
    expect((await peeringDbSettings()).apiKey).toBeNull();
  });
});

describe('environment overrides', () => {
  it('PEERINGDB_URL, PEERINGDB_API_KEY and PEERINGDB_CACHE_TTL win over the settings and are flagged', async () => {
    const { token } = await asAdmin();
    await patch(token, { peeringdb: { url: 'https://beta.peeringdb.com/api', cacheTtl: 3600 } });
    vi.stubEnv('PEERINGDB_URL', 'https://pdb.example.net/api');
    vi.stubEnv('PEERINGDB_API_KEY', 'env-key-not-shown');
    vi.stubEnv('PEERINGDB_CACHE_TTL', '0');
    const shown = await get(token);
    expect(shown.json).toMatchObject({
      peeringdb: { url: 'https://pdb.example.net/api', storedUrl: 'https://beta.peeringdb.com/api', hasApiKey: true, cacheTtl: 0 },
      overriddenByEnv: { url: true, apiKey: true, cacheTtl: true },
    });
    expect(JSON.stringify(shown.json)).not.toContain('env-key-not-shown');
  });

  it('without them nothing is flagged', async () => {
    const { token } = await asAdmin();
    expect((await get(token)).json).toMatchObject({
      peeringdb: { url: 'https://www.peeringdb.com/api', hasApiKey: false, cacheTtl: 43_200 },
      overriddenByEnv: { url: false, apiKey: false, cacheTtl: false },
    });
  });
});

describe('who may change peering settings', () => {
  it.each(['viewer', 'operator'] as const)('a %s reads them but cannot change them (403)', async (role) => {
    const token = await tokenFor(await makeUser(role));
    expect(await get(token)).toMatchObject({ status: 200, json: { asns: [], vrfSupport: false } });
    expect(await patch(token, { asns: [64500] })).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
  });

  it('an admin sets VRF support and the request sender; a bad sender address is refused next to the field', async () => {
    const { token } = await asAdmin();
    expect(await patch(token, { vrfSupport: true, requestSender: { name: 'Peering Team', address: 'peering@example.net' } })).toMatchObject({
      status: 200,
      json: { vrfSupport: true, requestSender: { name: 'Peering Team', address: 'peering@example.net' } },
    });
    expect(await patch(token, { requestSender: { name: 'x', address: 'not-mail' } })).toMatchObject({
      status: 400,
      json: { error: { fields: { 'requestSender.address': 'Enter an email address' } } },
    });
  });
});
