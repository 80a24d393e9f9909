import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { createToken, revokeToken } from '@/lib/tokens/service';
import { updateUser } from '@/lib/users/service';
import * as openapi from '@/app/api/v1/openapi.json/route';
import * as tokens from '@/app/api/v1/tokens/route';
import * as token from '@/app/api/v1/tokens/[id]/route';
import * as users from '@/app/api/v1/users/route';
import { tokenCommand } from '@/cli/token';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

describe('API tokens', () => {
  it('the secret is shown once and only its hash is stored', async () => {
    const operator = await makeUser('operator');
    const result = await createToken(operator, { name: 'automation' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.secret).toMatch(/^pdk_[\w-]{32}$/);
    const [row] = await db().select().from(apiTokens);
    expect(JSON.stringify(row)).not.toContain(result.data.secret);
    const listed = await callRoute(tokens.GET, { token: result.data.secret });
    expect(JSON.stringify(listed.json)).not.toContain(result.data.secret);
    expect(listed.json.data).toMatchObject([{ name: 'automation', prefix: result.data.secret.slice(0, 8) }]);
  });

  it('a token opens the OpenAPI document; no token, an unknown or a revoked one get 401 JSON', async () => {
    const viewer = await makeUser('viewer');
    const secret = await tokenFor(viewer);
    const ok = await callRoute(openapi.GET, { path: '/openapi.json', token: secret });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ openapi: '3.1.0', paths: { '/users': expect.any(Object), '/tokens/{id}': expect.any(Object) } });

    expect(await callRoute(openapi.GET, {})).toMatchObject({ status: 401, json: { error: { code: 'unauthenticated' } } });
    expect(await callRoute(openapi.GET, { token: 'pdk_nope' })).toMatchObject({ status: 401, json: { error: { message: 'Unknown token' } } });

    const [row] = await db().select().from(apiTokens);
    expect(await callRoute(token.DELETE, { method: 'DELETE', token: secret, params: { id: String(row.id) } })).toMatchObject({ status: 200 });
    expect(await callRoute(openapi.GET, { token: secret })).toMatchObject({ status: 401, json: { error: { message: 'This token has been revoked' } } });
  });

  it('an expired token and the token of a disabled user are refused', async () => {
    const admin = await makeUser('global_admin');
    const operator = await makeUser('operator');
    const secret = await tokenFor(operator);
    await updateUser(admin, { id: operator.id, disabled: true });
    expect(await callRoute(openapi.GET, { token: secret })).toMatchObject({ status: 401, json: { error: { message: 'This token has been revoked' } } });

    const adminSecret = await tokenFor(admin);
    await db().update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.userId, admin.id!));
    expect(await callRoute(openapi.GET, { token: adminSecret })).toMatchObject({ status: 401, json: { error: { message: 'Token expired' } } });
  });

  it("nobody but a Global Admin can revoke someone else's token", async () => {
    const owner = await makeUser('operator');
    const other = await makeUser('admin');
    const created = await createToken(owner, { name: 'mine' });
    if (!created.ok) throw new Error('setup');
    expect(await revokeToken(other, { id: created.data.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const globalAdmin = await makeUser('global_admin');
    expect(await revokeToken(globalAdmin, { id: created.data.id })).toMatchObject({ ok: true });
  });

  it('a token name is required, and an expiry of 1 to 365 days, with the message next to the field', async () => {
    const viewer = await makeUser('viewer');
    expect(await createToken(viewer, { name: '  ' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { name: 'Name the token' } } });
    expect(await createToken(viewer, { name: 'long', expiresInDays: 366 })).toMatchObject({ ok: false, error: { fields: { expiresInDays: 'At most 365 days' } } });
    expect(await createToken(viewer, { name: 'odd', scope: 'admin' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { scope: expect.any(String) } } });
    const notJson = await callRoute(users.POST, { method: 'POST', token: await tokenFor(await makeUser('global_admin')), body: '{oops' });
    expect(notJson).toMatchObject({ status: 400, json: { error: { message: 'The request body must be JSON' } } });
  });
});

describe('what a token may do', () => {
  it('a token cannot create tokens, whatever its role and scope: 403 with the way to do it instead', async () => {
    const admin = await makeUser('global_admin');
    const secret = await tokenFor(admin);
    const res = await callRoute(tokens.POST, { method: 'POST', token: secret, body: { name: 'offspring' } });
    expect(res).toMatchObject({ status: 403, json: { error: { code: 'forbidden', message: expect.stringContaining('An API token cannot create tokens') } } });
    expect((await db().select().from(apiTokens)).map((t) => t.name)).toEqual(['global_admin-token']);
    // The web UI and the CLI still can.
    expect(await createToken(admin, { name: 'from the browser' })).toMatchObject({ ok: true });
    expect(await createToken({ ...admin, via: 'cli' }, { name: 'from the CLI' })).toMatchObject({ ok: true });
  });

  it('a read token reads, and gets 403 on every change; a write token (the default) changes what its role allows', async () => {
    const admin = await makeUser('global_admin');
    const read = await createToken(admin, { name: 'dashboards', scope: 'read' });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.data).toMatchObject({ scope: 'read' });
    expect(await callRoute(users.GET, { token: read.data.secret })).toMatchObject({ status: 200 });
    const refused = await callRoute(users.POST, { method: 'POST', token: read.data.secret, body: { email: 'new@example.test', role: 'viewer', password: 'long-enough-pw' } });
    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'forbidden', message: expect.stringContaining('read-only') } } });
    expect(await callRoute(token.DELETE, { method: 'DELETE', token: read.data.secret, params: { id: String(read.data.id) } })).toMatchObject({ status: 403 });
    // The services refuse a read-only actor too, whichever door it came through.
    expect(await revokeToken({ ...admin, via: 'api', scope: 'read' }, { id: read.data.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const write = await tokenFor(admin);
    const made = await callRoute(users.POST, { method: 'POST', token: write, body: { email: 'new@example.test', role: 'viewer', password: 'long-enough-pw' } });
    expect(made.status).toBe(201);
  });

  it('a token expires after 90 days unless chosen; once expired it gets 401 "Token expired"', async () => {
    const operator = await makeUser('operator');
    const plain = await createToken(operator, { name: 'default' });
    const week = await createToken({ ...operator, via: 'cli' }, { name: 'a week', expiresInDays: '7' });
    if (!plain.ok || !week.ok) throw new Error('setup');
    const days = (d: Date | null) => Math.round((d!.getTime() - Date.now()) / 86_400_000);
    expect(days(plain.data.expiresAt)).toBe(90);
    expect(days(week.data.expiresAt)).toBe(7);
    await db().update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, plain.data.id));
    expect(await callRoute(openapi.GET, { token: plain.data.secret })).toMatchObject({ status: 401, json: { error: { code: 'unauthenticated', message: 'Token expired' } } });
  });

  it('the last use is recorded at most once a minute and listed with the scope', async () => {
    const viewer = await makeUser('viewer');
    const secret = await tokenFor(viewer);
    const lastUsed = async () => (await db().select().from(apiTokens))[0].lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await callRoute(openapi.GET, { token: secret });
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await callRoute(openapi.GET, { token: secret });
    expect(await lastUsed()).toEqual(first);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db().update(apiTokens).set({ lastUsedAt: twoMinutesAgo });
    const listed = await callRoute(tokens.GET, { token: secret });
    const now = await lastUsed();
    expect(now!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
    expect(listed.json.data).toMatchObject([{ name: 'viewer-token', scope: 'write', lastUsedAt: now!.toISOString() }]);
  });

  it('the CLI makes a read token with --scope read', async () => {
    const operator = await makeUser('operator');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await tokenCommand('create', ['--email', operator.email, '--name', 'grafana', '--scope', 'read'])).toBe(0);
    } finally {
      log.mockRestore();
    }
    expect(await db().select({ name: apiTokens.name, scope: apiTokens.scope }).from(apiTokens)).toEqual([{ name: 'grafana', scope: 'read' }]);
  });
});
