import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { findUserByEmail } from '@/db/queries/users';
import { hashPassword, verifyPassword } from './password';
import { accountKey, addressKey, clearFailures, lockedFor, recordFailure, throttleRules } from './throttle';

export type RefusalCode = 'invalid' | 'disabled' | 'rate_limited';

export class SignInRefusal extends Error {
  constructor(readonly code: RefusalCode) {
    super(`sign-in refused: ${code}`);
  }
}

const credentials = z.object({ email: z.string().trim().toLowerCase().min(1), password: z.string().min(1) });

// Compared against when the account does not exist, so timing does not tell which emails are real.
let decoyHash: Promise<string> | undefined;

/** Checks an email + password from a client address; throttled per account and per address. */
export async function checkCredentials(raw: unknown, address: string) {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) throw new SignInRefusal('invalid');
  const { email, password } = parsed.data;
  if ((await lockedFor(accountKey(email))) || (await lockedFor(addressKey(address)))) throw new SignInRefusal('rate_limited');
  const user = await findUserByEmail(db(), email);
  decoyHash ??= hashPassword('decoy-password-for-timing');
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !ok) {
    await recordFailure(accountKey(email), throttleRules.account);
    await recordFailure(addressKey(address), throttleRules.address);
    throw new SignInRefusal('invalid');
  }
  if (user.disabledAt) throw new SignInRefusal('disabled');
  await clearFailures(accountKey(email));
  await db().update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  return { id: String(user.id), email: user.email, name: user.name, role: user.role };
}
