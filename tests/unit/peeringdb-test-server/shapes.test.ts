import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAGS } from '@/tools/peeringdb-test-server/schema';
import { type PeeringDbTestServer, startPeeringDbTestServer } from '@/tools/peeringdb-test-server/server';
import { SAMPLES_DIR, getJson, samplePagesPresent } from './helpers';

type Row = Record<string, unknown>;

const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Value kinds per key over both anonymous sample pages of a tag. */
function sampleKinds(tag: string): Map<string, Set<string>> {
  const kinds = new Map<string, Set<string>>();
  for (const page of ['page-1.json', 'page-2.json']) {
    const file = path.join(SAMPLES_DIR, 'api-pages/beta/anon', tag, page);
    const rows = (JSON.parse(readFileSync(file, 'utf8')) as { data: Row[] }).data;
    for (const row of rows) for (const [key, value] of Object.entries(row)) kinds.set(
      key,
      (kinds.get(key) ?? new Set()).add(kindOf(value)),
    );
  }
  return kinds;
}

let server: PeeringDbTestServer;

beforeAll(async () => {
  server = await startPeeringDbTestServer({ seed: 2, scale: 0.03 });
});
afterAll(() => server.close());

// The real samples live in ../shared (beside every checkout and CI run); they may not be committed here.
describe.skipIf(!samplePagesPresent)('PeeringDB test server: row shapes against real sample pages', () => {
  it.each(TAGS)('%s rows have the real keys and value types', async (tag) => {
    const expected = sampleKinds(tag);
    const { body } = await getJson(`${server.url}/${tag}?limit=250`);
    expect(body.data.length).toBeGreaterThan(0);
    // ixlan.ixf_ixp_member_list_url is present only where its visibility lets the caller see it.
    const optional = new Set(['ixf_ixp_member_list_url']);
    const required = [...expected.keys()].filter((key) => !optional.has(key)).sort();
    for (const row of body.data) {
      expect(Object.keys(row).filter((key) => !optional.has(key)).sort(), `${tag} ${row.id}`).toEqual(required);
      for (const [key, value] of Object.entries(row)) {
        expect(expected.get(key), `${tag}.${key} = ${JSON.stringify(value)}`).toContain(kindOf(value));
      }
    }
  });

  it('formats timestamps, addresses and arrays as the real API does', async () => {
    const [netixlan] = (await getJson(`${server.url}/netixlan?ipaddr6__contains=:&limit=1`)).body.data;
    expect(netixlan.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(netixlan.ipaddr4).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(netixlan.ipaddr6).not.toMatch(/(^|:)0\d|::.*::/);
    const nets = (await getJson(`${server.url}/net?limit=50`)).body.data;
    for (const net of nets) {
      expect((net.info_types as unknown[]).every((type) => typeof type === 'string')).toBe(true);
      for (const link of net.social_media as Row[]) expect(Object.keys(link).sort()).toEqual(['identifier', 'service']);
    }
  });
});
