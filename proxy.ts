import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { serverSecrets } from '@/lib/env';

const { auth } = NextAuth(() => ({ ...authConfig, secret: serverSecrets().authSecret }));

const publicPaths = [/^\/login$/, /^\/api\/auth\//, /^\/api\/v1\//, /^\/api\/cron$/, /^\/api\/health$/];

/** Signed-out visitors go to /login; the API answers for itself with 401 JSON. */
const guard = auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (publicPaths.some((p) => p.test(pathname)) || req.auth?.user) return NextResponse.next();
  const login = new URL('/login', req.nextUrl.origin);
  if (pathname !== '/') login.searchParams.set('callbackUrl', pathname + search);
  return NextResponse.redirect(login);
}) as unknown as Promise<(req: NextRequest, ev: NextFetchEvent) => Promise<Response>>;

// With a lazily built config (the secret may be generated at first start), next-auth hands back the wrapped handler as a promise.
export async function proxy(req: NextRequest, ev: NextFetchEvent) {
  return (await guard)(req, ev);
}

// /api/* answers for itself (bearer token, CRON_SECRET, next-auth's own routes): no session work there.
export const config = { matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|.*\\.png$).*)'] };
