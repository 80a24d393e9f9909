import { describe, expect, it } from 'vitest';
import { checkCredentials } from '@/lib/auth/credentials';
import { actorForSession } from '@/lib/auth/session-actor';
import { authenticateBearer } from '@/lib/tokens/service';
import { changeOwnPassword, updateUser } from '@/lib/users/service';
import { makeUser, PASSWORD } from '../support/actors';
import { tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

/** A signed-in browser: the claims its session cookie carries (lib/auth/config.ts). */
async function signInAs(email: string, password = PASSWORD) {
  const user = await checkCredentials({ email, password }, '192.0.2.1');
  return { uid: Number(user.id), sv: user.sessionVersion };
}

const bearer = async (secret: string) => ('actor' in (await authenticateBearer(`Bearer ${secret}`)) ? 'accepted' : 'refused');

describe('changes that end a user’s sessions and tokens', () => {
  it('an Admin’s password reset ends the user’s sessions and revokes their API tokens', async () => {
    const admin = await makeUser('global_admin');
    const operator = await makeUser('operator', 'op@example.test');
    const session = await signInAs('op@example.test');
    const token = await tokenFor(operator);
    expect(await actorForSession(session)).toMatchObject({ email: 'op@example.test' });

    expect(await updateUser(admin, { id: operator.id, password: 'a-brand-new-password' })).toMatchObject({ ok: true });
    expect(await actorForSession(session)).toBeNull();
    expect(await bearer(token)).toBe('refused');
    expect(await actorForSession(await signInAs('op@example.test', 'a-brand-new-password'))).toMatchObject({ email: 'op@example.test' });
  });

  it('changing one’s own password ends the other sessions and keeps the API tokens', async () => {
    const operator = await makeUser('operator', 'op@example.test');
    const laptop = await signInAs('op@example.test');
    const token = await tokenFor(operator);

    expect(await changeOwnPassword(operator, { currentPassword: PASSWORD, newPassword: 'a-brand-new-password' })).toMatchObject({ ok: true });
    expect(await actorForSession(laptop)).toBeNull();
    expect(await bearer(token)).toBe('accepted');
    expect(await actorForSession(await signInAs('op@example.test', 'a-brand-new-password'))).toMatchObject({ role: 'operator' });
  });

  it('a role change ends the sessions and revokes the tokens', async () => {
    const admin = await makeUser('global_admin');
    const viewer = await makeUser('viewer', 'v@example.test');
    const session = await signInAs('v@example.test');
    const token = await tokenFor(viewer);

    expect(await updateUser(admin, { id: viewer.id, role: 'admin' })).toMatchObject({ ok: true });
    expect(await actorForSession(session)).toBeNull();
    expect(await bearer(token)).toBe('refused');
  });

  it('disabling a user ends the sessions and revokes the tokens, which stay revoked after enabling again', async () => {
    const admin = await makeUser('global_admin');
    const operator = await makeUser('operator', 'op@example.test');
    const session = await signInAs('op@example.test');
    const token = await tokenFor(operator);

    await updateUser(admin, { id: operator.id, disabled: true });
    await updateUser(admin, { id: operator.id, disabled: false });
    expect(await actorForSession(session)).toBeNull();
    expect(await bearer(token)).toBe('refused');
    expect(await actorForSession(await signInAs('op@example.test'))).toMatchObject({ role: 'operator' });
  });

  it('a rename keeps the sessions and the tokens', async () => {
    const admin = await makeUser('global_admin');
    const operator = await makeUser('operator', 'op@example.test');
    const session = await signInAs('op@example.test');
    const token = await tokenFor(operator);

    await updateUser(admin, { id: operator.id, name: 'Olga Operator', role: 'operator' });
    expect(await actorForSession(session)).toMatchObject({ role: 'operator' });
    expect(await bearer(token)).toBe('accepted');
  });
});
