import { describe, expect, it } from 'vitest';
import * as usersRoute from '@/app/api/v1/users/route';
import * as userRoute from '@/app/api/v1/users/[id]/route';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

describe('/api/v1/users', () => {
  it('a Global Admin lists users a page at a time and creates one', async () => {
    const admin = await makeUser('global_admin');
    for (const n of [1, 2, 3]) await makeUser('viewer', `v${n}@example.test`);
    const secret = await tokenFor(admin);
    const first = await callRoute(usersRoute.GET, { path: '/users?limit=2', token: secret });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ data: [{ email: 'global_admin@example.test' }, { email: 'v1@example.test' }], next: '2' });
    expect(JSON.stringify(first.json)).not.toMatch(/password/i);
    const rest = await callRoute(usersRoute.GET, { path: '/users?limit=2&cursor=2', token: secret });
    expect(rest.json).toMatchObject({ data: [{ email: 'v2@example.test' }, { email: 'v3@example.test' }], next: null });

    const created = await callRoute(usersRoute.POST, { method: 'POST', token: secret, body: { email: 'ops@example.test', role: 'operator', password: 'long-enough-pw' } });
    expect(created).toMatchObject({ status: 201, json: { email: 'ops@example.test', role: 'operator' } });
    const dup = await callRoute(usersRoute.POST, { method: 'POST', token: secret, body: { email: 'ops@example.test', role: 'operator', password: 'long-enough-pw' } });
    expect(dup).toMatchObject({ status: 400, json: { error: { fields: { email: 'A user with this email already exists' } } } });
  });

  it('PATCH changes a role; an unknown user is 404', async () => {
    const admin = await makeUser('global_admin');
    const viewer = await makeUser('viewer');
    const secret = await tokenFor(admin);
    const res = await callRoute(userRoute.PATCH, { method: 'PATCH', token: secret, params: { id: String(viewer.id) }, body: { role: 'operator' } });
    expect(res).toMatchObject({ status: 200, json: { role: 'operator' } });
    const missing = await callRoute(userRoute.PATCH, { method: 'PATCH', token: secret, params: { id: '999' }, body: { role: 'operator' } });
    expect(missing).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
  });
});
