import { NextRequest } from 'next/server';

/**
 * `next start` hands route handlers a URL on the address it listens on (http://localhost:3000), while
 * next-auth's server actions build theirs from the Host header. Single sign-on needs both to agree, or the
 * provider sees two redirect URIs and refuses the code ("invalid_grant"); so the handlers get the URL the
 * browser used. AUTH_URL, when set, wins over both (next-auth applies it itself).
 */
export function withBrowserOrigin(req: NextRequest): NextRequest {
  if (process.env.AUTH_URL) return req;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!host) return req;
  const protocol = req.headers.get('x-forwarded-proto') ?? req.nextUrl.protocol.replace(/:$/, '');
  const url = new URL(req.nextUrl.pathname + req.nextUrl.search, `${protocol}://${host}`);
  return new NextRequest(url, req);
}
