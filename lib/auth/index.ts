import { cache } from 'react';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { db } from '@/db/client';
import { findUserById } from '@/db/queries/users';
import { serverSecrets } from '@/lib/env';
import type { Actor } from './actor';
import { authConfig } from './config';
import { checkCredentials, SignInRefusal, type RefusalCode } from './credentials';

/** next-auth passes `code` to the sign-in form; it says which refusal, never which part was wrong. */
class SignInRefused extends CredentialsSignin {
  constructor(code: RefusalCode) {
    super();
    this.code = code;
  }
}

function clientAddress(request: Request) {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'unknown';
}

async function authorize(raw: unknown, request: Request) {
  try {
    return await checkCredentials(raw, clientAddress(request));
  } catch (err) {
    throw err instanceof SignInRefusal ? new SignInRefused(err.code) : err;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: serverSecrets().authSecret,
  providers: [Credentials({ credentials: { email: {}, password: {} }, authorize })],
}));

/** The signed-in user, re-read from the database so a disabled account or a new role counts at once. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!id) return null;
  const user = await findUserById(db(), id);
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, role: user.role, via: 'web' };
});
