import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
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
    const [updated] = await tx
      .update(users)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(users.id, user.id))
      .returning(publicUserColumns);
    audit({ target: `user:${user.id}`, details: { email: user.email, from: { role: user.role, disabled: !!user.disabledAt }, to: { role: updated.role, disabled: !!updated.disabledAt }, passwordReset: input.password !== undefined } });
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
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.newPassword), updatedAt: new Date() })
      .where(eq(users.id, user.id));
    audit({ target: `user:${user.id}` });
    return { id: user.id };
  },
});
