import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { serverSecrets } from '@/lib/env';
import { contentSecurityPolicy, isHttps, STRICT_TRANSPORT_SECURITY } from '@/lib/server/security-headers';

const { auth } = NextAuth(() => ({ ...authConfig, secret: serverSecrets().authSecret }));

const publicPaths = [/^\/login$/, /^\/api\/auth\//, /^\/api\/v1\//, /^\/api\/cron$/, /^\/api\/health$/];

/**
 * Signed-out visitors go to /login; the API answers for itself with 401 JSON.
 * Every page gets a fresh CSP nonce: Next reads it from the request's CSP header and puts it on its own scripts.
 */
const guard = auth((req) => {
  const { pathname, search } = req.nextUrl;
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  let res: NextResponse;
  if (publicPaths.some((p) => p.test(pathname)) || req.auth?.user) {
    const headers = new Headers(req.headers);
    headers.set('x-nonce', nonce);
    headers.set('Content-Security-Policy', csp);
    res = NextResponse.next({ request: { headers } });
  } else {
    const login = new URL('/login', req.nextUrl.origin);
    if (pathname !== '/') login.searchParams.set('callbackUrl', pathname + search);
    res = NextResponse.redirect(login);
  }
  res.headers.set('Content-Security-Policy', csp);
  if (isHttps(req.nextUrl.protocol, req.headers.get('x-forwarded-proto'))) res.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return res;
}) as unknown as Promise<(req: NextRequest, ev: NextFetchEvent) => Promise<Response>>;

// With a lazily built config (the secret may be generated at first start), next-auth hands back the wrapped handler as a promise.
export async function proxy(req: NextRequest, ev: NextFetchEvent) {
  return (await guard)(req, ev);
}

// Next's own files are left out by name: a page whose path ends in .png or .svg still gets its CSP.
// /api/*, /metrics and the health probes answer for themselves (bearer tokens, CRON_SECRET, next-auth's own routes, or no auth): no session
// work there.
export const config = { matcher: ['/((?!api/|metrics$|healthz$|readyz$|_next/static|_next/image|favicon\\.ico$|icon\\.svg$).*)'] };
