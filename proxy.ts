import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import type { SessionClaims } from '@/lib/auth/session-actor';
import { decodeSessionCookie, hasSessionCookie, REISSUE_AFTER_S, signVerifiedSession, VERIFIED_SESSION_HEADER } from '@/lib/auth/verified-session';
import { serverSecrets } from '@/lib/env';
import { contentSecurityPolicy, isHttps, STRICT_TRANSPORT_SECURITY } from '@/lib/server/security-headers';

const { auth } = NextAuth(() => ({ ...authConfig, secret: serverSecrets().authSecret }));

const publicPaths = [/^\/login$/, /^\/api\/auth\//, /^\/api\/v1\//, /^\/api\/cron$/, /^\/api\/health$/];

/**
 * Signed-out visitors go to /login; the API answers for itself with 401 JSON.
 * Every page gets a fresh CSP nonce: Next reads it from the request's CSP header and puts it on its own scripts.
 * `claims`, when the cookie was decoded here, reach the page signed (lib/auth/verified-session.ts); any
 * incoming copy of that header is dropped.
 */
function respond(req: NextRequest, signedIn: boolean, claims: SessionClaims) {
  const { pathname, search } = req.nextUrl;
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  let res: NextResponse;
  if (publicPaths.some((p) => p.test(pathname)) || signedIn) {
    const headers = new Headers(req.headers);
    headers.set('x-nonce', nonce);
    headers.set('Content-Security-Policy', csp);
    headers.delete(VERIFIED_SESSION_HEADER);
    if (claims) headers.set(VERIFIED_SESSION_HEADER, signVerifiedSession(claims));
    res = NextResponse.next({ request: { headers } });
  } else {
    const login = new URL('/login', req.nextUrl.origin);
    if (pathname !== '/') login.searchParams.set('callbackUrl', pathname + search);
    res = NextResponse.redirect(login);
  }
  res.headers.set('Content-Security-Policy', csp);
  if (isHttps(req.nextUrl.protocol, req.headers.get('x-forwarded-proto'))) res.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return res;
}

/** next-auth's own wrapper: decodes the cookie and sets a new one with a later expiry (and clears a bad one). */
type Handler = (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;
const renew = auth((req) => respond(req, !!req.auth?.user, null)) as unknown as Promise<Handler>;

/**
 * One decryption of the session cookie per request: a valid cookie issued within REISSUE_AFTER_S is
 * passed on as it is; an older or unreadable one goes through next-auth, which re-issues or clears it.
 */
export async function proxy(req: NextRequest, ev: NextFetchEvent) {
  if (!hasSessionCookie(req.headers)) return respond(req, false, null);
  const claims = await decodeSessionCookie(req.headers);
  if (claims && Date.now() / 1000 - Number(claims.iat ?? 0) < REISSUE_AFTER_S) return respond(req, true, claims);
  // With a lazily built config (the secret may be generated at first start), next-auth hands back the wrapped handler as a promise.
  return (await renew)(req, ev);
}

// Next's own files are left out by name: a page whose path ends in .png or .svg still gets its CSP.
// /api/*, /metrics and the health probes answer for themselves (bearer tokens, CRON_SECRET, next-auth's own routes, or no auth): no session
// work there.
export const config = { matcher: ['/((?!api/|metrics$|healthz$|readyz$|_next/static|_next/image|favicon\\.ico$|icon\\.svg$).*)'] };
