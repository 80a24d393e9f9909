import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { findUserByEmail } from '@/db/queries/users';
import { hashPassword, verifyPassword } from './password';
import { recordSuccess, reserveAttempt } from './throttle';

export type RefusalCode = 'invalid' | 'disabled' | 'rate_limited';

export class SignInRefusal extends Error {
  constructor(readonly code: RefusalCode) {
    super(`sign-in refused: ${code}`);
  }
}

// The maxima stop a megabyte "password" from reaching argon2; real ones are at most 200 characters.
export const credentialsInput = z.object({ email: z.string().trim().toLowerCase().min(1).max(254), password: z.string().min(1).max(1024) });

// Compared against when the account does not exist, so timing does not tell which emails are real.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an email + password from a client address. The attempt takes its throttle slot before the
 * password is verified, so parallel guesses verify at most the free tries (lib/auth/throttle.ts).
 */
export async function checkCredentials(raw: unknown, address: string) {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) throw new SignInRefusal('invalid');
  const { email, password } = parsed.data;
  if (!(await reserveAttempt(email, address))) throw new SignInRefusal('rate_limited');
  const user = await findUserByEmail(db(), email);
  decoyHash ??= hashPassword('decoy-password-for-timing');
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !ok) throw new SignInRefusal('invalid');
  await recordSuccess(email, address);
  if (user.disabledAt) throw new SignInRefusal('disabled');
  await db().update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
