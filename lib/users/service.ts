import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { apiTokens, users } from '@/db/schema';
import { countActiveGlobalAdmins, findUserByEmail, findUserById, publicUserColumns } from '@/db/queries/users';
import { mutation } from '@/lib/auth/mutation';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { ServiceError, fieldError, notFound } from '@/lib/errors';
import { changeOwnPasswordInput, createUserInput, updateUserInput } from './schemas';

export const createUser = mutation({
  action: 'user.create',
  permission: 'users.manage',
  input: createUserInput,
  async run({ tx, input, audit }) {
    if (await findUserByEmail(tx, input.email)) throw fieldError('email', 'A user with this email already exists');
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) })
      .returning(publicUserColumns);
    audit({ target: `user:${user.id}`, details: { email: user.email, role: user.role } });
    return user;
  },
});

export const updateUser = mutation({
  action: 'user.update',
  permission: 'users.manage',
  input: updateUserInput,
  async run({ tx, actor, input, audit }) {
    const user = await findUserById(tx, input.id);
    if (!user) throw notFound('User');
    const losesGlobalAdmin =
      user.role === 'global_admin' && !user.disabledAt && ((input.role && input.role !== 'global_admin') || input.disabled);
    if (losesGlobalAdmin && (await countActiveGlobalAdmins(tx)) <= 1) {
      throw new ServiceError('conflict', 'This is the last active Global Admin: promote someone else first');
    }
    if (input.disabled && user.id === actor.id) throw fieldError('disabled', 'You cannot disable your own account');
    const changes = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.disabled !== undefined && { disabledAt: input.disabled ? (user.disabledAt ?? new Date()) : null }),
      ...(input.password !== undefined && { passwordHash: await hashPassword(input.password) }),
    };
    // A password reset, a role change or disabling ends the user's sessions and revokes their API tokens; a rename or enabling does not.
    const credentialsChange =
      (input.role !== undefined && input.role !== user.role) || (input.disabled && !user.disabledAt) || input.password !== undefined;
    const [updated] = await tx
      .update(users)
      .set({ ...changes, ...(credentialsChange && { sessionVersion: sql`${users.sessionVersion} + 1` }), updatedAt: new Date() })
      .where(eq(users.id, user.id))
      .returning(publicUserColumns);
    const tokensRevoked = credentialsChange ? await revokeTokensOf(tx, user.id) : 0;
    audit({ target: `user:${user.id}`, details: { email: user.email, from: { role: user.role, disabled: !!user.disabledAt }, to: { role: updated.role, disabled: !!updated.disabledAt }, passwordReset: input.password !== undefined, sessionsEnded: credentialsChange, tokensRevoked } });
    return updated;
  },
});

export const changeOwnPassword = mutation({
  action: 'user.change_own_password',
  permission: 'account.own',
  input: changeOwnPasswordInput,
  async run({ tx, actor, input, audit }) {
    const user = actor.id === null ? undefined : await findUserById(tx, actor.id);
    if (!user) throw notFound('User');
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw fieldError('currentPassword', 'That is not your current password');
    }
    // Ends every session of this user; the page signs the caller in again with the new password.
    // API tokens stay: they are separate credentials, listed and revoked on the same Account page.
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.newPassword), sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    audit({ target: `user:${user.id}`, details: { sessionsEnded: true } });
    return { id: user.id, email: user.email };
  },
});

async function revokeTokensOf(tx: Tx, userId: number) {
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length;
}
