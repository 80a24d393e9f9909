import { cache } from 'react';
import { headers } from 'next/headers';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env, serverSecrets } from '@/lib/env';
import type { Actor } from './actor';
import { clientAddress, parseTrustedProxies } from './client-address';
import { authConfig } from './config';
import { checkCredentials, SignInRefusal, type RefusalCode } from './credentials';
import { oidcProviders, oidcSignIn } from './oidc';
import { actorForSession } from './session-actor';
import { passwordSignInAllowed } from './sso-settings';
import { decodeSessionCookie, readVerifiedSession, VERIFIED_SESSION_HEADER } from './verified-session';

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
 * The proxy decoded the session cookie and passes its claims signed (lib/auth/verified-session.ts);
 * where it did not (a route it does not cover, or a cookie it sent to next-auth for renewal) the
 * cookie is decoded here. Never auth(): that would run next-auth's whole session endpoint again
 * (decode, re-encode, a Set-Cookie a Server Component cannot send).
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const h = await headers();
  return actorForSession(readVerifiedSession(h.get(VERIFIED_SESSION_HEADER)) ?? (await decodeSessionCookie(h)));
});
