import { describe, expect, it } from 'vitest';
import { apiOperations } from '@/lib/api/routes';
import { can, roles } from '@/lib/auth/permissions';
import { createToken } from '@/lib/tokens/service';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { discoverApiRoutes, discoverMutations } from '../support/discover';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const mutations = await discoverMutations();
const routes = await discoverApiRoutes();

describe('the authorization matrix', () => {
  it('finds the mutations and routes it checks', () => {
    expect(mutations.map((m) => m.mutation.action)).toEqual(expect.arrayContaining(['user.create', 'user.update', 'token.create', 'token.revoke']));
    expect(routes.length).toBeGreaterThanOrEqual(apiOperations.length);
  });

  it('every API route is described in the route list (and so in openapi.json), and nothing else is', () => {
    const files = routes.map((r) => `${r.method} ${r.path}`).sort();
    const described = apiOperations.map((o) => `${o.method} ${o.path}`).sort();
    expect(files).toEqual(described);
  });

  describe.each(mutations)('service $name ($file)', ({ mutation }) => {
    it.each(roles)(`as %s`, async (role) => {
      const actor = await makeUser(role);
      const result = await mutation(actor, {});
      if (can(role, mutation.permission)) expect(result).not.toMatchObject({ ok: false, error: { code: 'forbidden' } });
      else expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });

    it('signed out', async () => {
      expect(await mutation(null, {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    });
  });

  describe.each(apiOperations)('$method $path', (op) => {
    const route = routes.find((r) => r.method === op.method && r.path === op.path)!;
    const call = (token?: string) =>
      callRoute(route.handler, { method: op.method, path: op.path, token, body: op.method === 'GET' || op.method === 'DELETE' ? undefined : {}, params: { id: '1' } });

    it.each(roles)('as %s', async (role) => {
      const { status, json } = await call(await tokenFor(await makeUser(role)));
      if (!op.notForTokens && (!op.permission || can(role, op.permission))) expect([401, 403]).not.toContain(status);
      else expect({ status, code: json.error?.code }).toEqual({ status: 403, code: 'forbidden' });
    });

    it(`with a read-only token of a Global Admin: ${op.method === 'GET' ? 'allowed' : '403'}`, async () => {
      const created = await createToken(await makeUser('global_admin'), { name: 'read-only', scope: 'read' });
      if (!created.ok) throw new Error(created.error.message);
      const { status, json } = await call(created.data.secret);
      if (op.method === 'GET') expect([401, 403]).not.toContain(status);
      else expect({ status, message: json.error?.message }).toEqual({ status: 403, message: expect.stringContaining('read-only') });
    });

    it('signed out gets 401', async () => {
      expect(await call()).toMatchObject({ status: 401, json: { error: { code: 'unauthenticated' } } });
    });
  });
});
