import { createHmac, timingSafeEqual } from 'node:crypto';
import { getToken } from 'next-auth/jwt';
import { serverSecrets } from '@/lib/env';
import type { SessionClaims } from './session-actor';

/**
 * The session cookie is a JWE: reading it costs a key derivation, an AES decryption and an HMAC, and
 * next-auth's own proxy wrapper decoded it and encrypted a new one on every request. The proxy now
 * decodes it once and hands the page what it found in a request header signed with a key derived
 * from AUTH_SECRET; the page checks that signature (one HMAC) instead of decrypting again. The proxy
 * removes any incoming copy of the header, and a forged one fails the signature.
 */
export const VERIFIED_SESSION_HEADER = 'x-peerdesk-session';

/** A cookie younger than this is not re-issued: the 12-hour sliding expiry moves in 5-minute steps instead of on every request. */
export const REISSUE_AFTER_S = 5 * 60;

let key: { secret: string; key: Buffer } | undefined;
function signingKey() {
  const secret = serverSecrets().authSecret;
  if (key?.secret !== secret) key = { secret, key: createHmac('sha256', secret).update('peerdesk verified session v1').digest() };
  return key.key;
}

const mac = (payload: string) => createHmac('sha256', signingKey()).update(payload).digest('base64url');

/** The claims the page needs (user id, session version) and the cookie's expiry, signed. */
export function signVerifiedSession(claims: NonNullable<SessionClaims>): string {
  const payload = `${Number(claims.uid) || 0}.${Number(claims.sv) || 0}.${Number(claims.exp) || 0}`;
  return `${payload}.${mac(payload)}`;
}

/** The claims from a header the proxy signed, or null for a missing, forged or expired one. */
export function readVerifiedSession(value: string | null, now = Date.now()): SessionClaims {
  const m = /^(\d{1,12})\.(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!m) return null;
  const expected = Buffer.from(mac(`${m[1]}.${m[2]}.${m[3]}`));
  const given = Buffer.from(m[4]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(m[3]) * 1000 <= now) return null;
  return { uid: Number(m[1]), sv: Number(m[2]), exp: Number(m[3]) };
}

const ANY_SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token/;
const SECURE_SESSION_COOKIE = /(?:^|;\s*)__Secure-authjs\.session-token/;

/** Whether the request carries a session cookie at all (valid or not), plain or `__Secure-`, chunked or not. */
export const hasSessionCookie = (headers: Headers) => ANY_SESSION_COOKIE.test(headers.get('cookie') ?? '');

/** Decodes the session cookie (chunked or not, `__Secure-` over https): the claims, or null. */
export async function decodeSessionCookie(headers: Headers): Promise<SessionClaims> {
  const secureCookie = SECURE_SESSION_COOKIE.test(headers.get('cookie') ?? '');
  return getToken({ req: { headers }, secret: serverSecrets().authSecret, secureCookie }).catch(() => null);
}
