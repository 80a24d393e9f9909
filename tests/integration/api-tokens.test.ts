import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { createToken, revokeToken } from '@/lib/tokens/service';
import { updateUser } from '@/lib/users/service';
import * as openapi from '@/app/api/v1/openapi.json/route';
import * as tokens from '@/app/api/v1/tokens/route';
import * as token from '@/app/api/v1/tokens/[id]/route';
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
    expect(await callRoute(openapi.GET, { token: secret })).toMatchObject({ status: 401, json: { error: { message: 'The account of this token is disabled' } } });

    const adminSecret = await tokenFor(admin);
    await db().update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.userId, admin.id!));
    expect(await callRoute(openapi.GET, { token: adminSecret })).toMatchObject({ status: 401, json: { error: { message: 'This token has expired' } } });
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

  it('a token name is required, with the message next to the field', async () => {
    const viewer = await makeUser('viewer');
    const secret = await tokenFor(viewer);
    const res = await callRoute(tokens.POST, { method: 'POST', token: secret, body: { name: '  ' } });
    expect(res).toMatchObject({ status: 400, json: { error: { code: 'validation', fields: { name: 'Name the token' } } } });
    const notJson = await callRoute(tokens.POST, { method: 'POST', token: secret, body: '{oops' });
    expect(notJson).toMatchObject({ status: 400, json: { error: { message: 'The request body must be JSON' } } });
  });
});
