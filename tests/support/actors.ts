import { db } from '@/db/client';
import { users, type Role } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';

export const PASSWORD = 'correct-horse-battery';

/** Inserts a user straight into the database (no permission check) and returns it as an actor. */
export async function makeUser(role: Role, email = `${role}@example.test`, options: { disabled?: boolean } = {}): Promise<Actor> {
  const [user] = await db()
    .insert(users)
    .values({ email, role, passwordHash: await hashPassword(PASSWORD), disabledAt: options.disabled ? new Date() : null })
    .returning();
  return { id: user.id, email: user.email, role: user.role, via: 'web' };
}
