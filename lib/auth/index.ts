import { cache } from 'react';
import { headers } from 'next/headers';
import NextAuth, { CredentialsSignin } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import Credentials from 'next-auth/providers/credentials';
import { env, serverSecrets } from '@/lib/env';
import type { Actor } from './actor';
import { clientAddress, parseTrustedProxies } from './client-address';
import { authConfig } from './config';
import { checkCredentials, SignInRefusal, type RefusalCode } from './credentials';
import { oidcProviders, oidcSignIn } from './oidc';
import { actorForSession } from './session-actor';
import { passwordSignInAllowed } from './sso-settings';

/** next-auth passes `code` to the sign-in form; it says which refusal, never which part was wrong. */
class SignInRefused extends CredentialsSignin {
  constructor(code: RefusalCode | 'sso_only') {
    super();
    this.code = code;
  }
}

async function authorize(raw: unknown, request: Request) {
  try {
    const address = clientAddress(request.headers.get('x-forwarded-for'), parseTrustedProxies(env().TRUSTED_PROXIES));
    const user = await checkCredentials(raw, address);
    if (!(await passwordSignInAllowed(user.email))) throw new SignInRefused('sso_only');
    return user;
  } catch (err) {
    throw err instanceof SignInRefusal ? new SignInRefused(err.code) : err;
  }
}

export const { handlers, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: serverSecrets().authSecret,
  providers: [Credentials({ credentials: { email: {}, password: {} }, authorize }), ...oidcProviders()],
  callbacks: { ...authConfig.callbacks, signIn: oidcSignIn },
}));

/**
 * The signed-in user, checked against the users row on every request (lib/auth/session-actor.ts).
 * Only decodes the session cookie: auth() would run next-auth's whole session endpoint again (decode,
 * re-encode, a Set-Cookie a Server Component cannot send); the proxy has already extended the session.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const h = await headers();
  const secureCookie = /(?:^|;\s*)__Secure-authjs\.session-token/.test(h.get('cookie') ?? '');
  const token = await getToken({ req: { headers: h }, secret: serverSecrets().authSecret, secureCookie }).catch(() => null);
  return actorForSession(token);
});
