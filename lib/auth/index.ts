import { cache } from 'react';
import { headers } from 'next/headers';
import NextAuth, { CredentialsSignin } from 'next-auth';
import { getToken } from 'next-auth/jwt';
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

/**
 * The signed-in user, re-read from the database so a disabled account or a new role counts at once.
 * Only decodes the session cookie: auth() would run next-auth's whole session endpoint again (decode,
 * re-encode, a Set-Cookie a Server Component cannot send); the proxy has already extended the session.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const h = await headers();
  const secureCookie = /(?:^|;\s*)__Secure-authjs\.session-token/.test(h.get('cookie') ?? '');
  const token = await getToken({ req: { headers: h }, secret: serverSecrets().authSecret, secureCookie }).catch(() => null);
  const id = Number(token?.uid);
  if (!id) return null;
  const user = await findUserById(db(), id);
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, role: user.role, via: 'web' };
});
