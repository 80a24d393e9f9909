import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import * as submit from '@/app/(portal)/admin/import/submit/route';
import * as importRoute from '@/app/api/v1/sessions/import/route';
import * as users from '@/app/api/v1/users/route';
import { db } from '@/db/client';
import { bgpSessions, localAsns, routers } from '@/db/schema';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

// The page's route handler outside Next: the signed-in user is given, and there is no page cache to refresh.
const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth', () => ({ currentActor: async () => signedIn.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

useTestDatabase();

/** A running configuration of `count` neighbors, a little over 1 MB for 9,000. */
function frrConfig(count: number) {
  const lines = ['router bgp 64500'];
  for (let i = 0; i < count; i++) {
    lines.push(` neighbor 10.${Math.floor(i / 250)}.${i % 250}.1 remote-as ${65000 + (i % 500)}`, ` neighbor 10.${Math.floor(i / 250)}.${i % 250}.1 description peer number ${i} of the big test configuration`);
  }
  return `${lines.join('\n')}\n`;
}

let routerId: number;
beforeEach(async () => {
  await db().insert(localAsns).values({ asn: 64500 });
  [{ id: routerId }] = await db().insert(routers).values({ name: 'edge1', hostname: 'edge1.example.net', platform: 'frr', transport: 'ssh', localAsn: 64500 }).returning({ id: routers.id });
});

function post(body: string, query: Record<string, string>, origin = 'http://peerdesk.test') {
  return submit.POST(
    new Request(`http://peerdesk.test/admin/import/submit?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { host: 'peerdesk.test', origin, 'content-type': 'text/plain;charset=utf-8' },
      body,
    }),
  );
}

describe('Data import takes big configurations; nothing else does', () => {
  it('an Admin previews, then imports, a configuration of more than 1 MB from the page', async () => {
    signedIn.actor = await makeUser('admin');
    const config = frrConfig(9000);
    expect(config.length).toBeGreaterThan(1_000_000);

    const preview = await post(config, { routerId: String(routerId), source: 'text', dryRun: '1' });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ ok: true, data: { dryRun: true, created: 9000 } });
    expect(await db().$count(bgpSessions)).toBe(0);

    const imported = await post(config, { routerId: String(routerId), source: 'text' });
    expect(await imported.json()).toMatchObject({ ok: true, data: { dryRun: false, created: 9000 } });
    expect(await db().$count(bgpSessions)).toBe(9000);
  }, 60_000);

  it('a body over the import limit is refused with 413 as it streams in', async () => {
    signedIn.actor = await makeUser('admin');
    const response = await post(' '.repeat(26_000_001), { routerId: String(routerId), source: 'text', dryRun: '1' });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'too_large', message: 'The request body is larger than 26 MB' } });
  });

  it('a post from another site is refused, even with the session cookie', async () => {
    signedIn.actor = await makeUser('admin');
    const response = await post(frrConfig(1), { routerId: String(routerId), source: 'text' }, 'https://evil.example');
    expect(response.status).toBe(403);
    expect(await db().$count(bgpSessions)).toBe(0);
  });

  it('a Viewer may not import through the page', async () => {
    signedIn.actor = await makeUser('viewer');
    const response = await post(frrConfig(1), { routerId: String(routerId), source: 'text' });
    expect(response.status).toBe(403);
    expect(await db().$count(bgpSessions)).toBe(0);
  });

  it('the API takes a configuration of more than 1 MB for the import, and at most 1 MB anywhere else', async () => {
    const admin = await makeUser('global_admin');
    const token = await tokenFor(admin);
    const big = await callRoute(importRoute.POST, { method: 'POST', token, body: { routerId, config: frrConfig(9000), dryRun: true } });
    expect(big).toMatchObject({ status: 200, json: { created: 9000 } });

    const padded = { email: 'new@example.test', role: 'viewer', password: 'a-long-password', name: 'x'.repeat(1_100_000) };
    expect(await callRoute(users.POST, { method: 'POST', token, body: padded })).toMatchObject({ status: 413, json: { error: { code: 'too_large' } } });
  }, 60_000);
});
