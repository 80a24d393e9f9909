import { randomBytes } from 'node:crypto';
import { users } from '@/db/schema';
import { countUsers } from '@/db/queries/users';
import type { Db } from '@/db/client';
import { hashPassword } from '@/lib/auth/password';
import { env } from '@/lib/env';

/**
 * When no user exists, creates the first Global Admin from ADMIN_EMAIL / ADMIN_PASSWORD, or
 * admin@localhost with a generated password that is printed this once and never stored in clear.
 */
export async function ensureFirstAdmin(db: Db, log: (line: string) => void = console.log) {
  if ((await countUsers(db)) > 0) return null;
  const email = (env().ADMIN_EMAIL ?? 'admin@localhost').toLowerCase();
  const generated = !env().ADMIN_PASSWORD;
  const password = env().ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  const inserted = await db
    .insert(users)
    .values({ email, name: 'Administrator', role: 'global_admin', passwordHash: await hashPassword(password) })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!inserted.length) return null;
  log(
    generated
      ? `First Global Admin created: ${email} with password ${password} (shown once; change it under Account)`
      : `First Global Admin created: ${email} (password from ADMIN_PASSWORD)`,
  );
  return { email };
}
