import { encode } from 'next-auth/jwt';
import { NextRequest, type NextFetchEvent } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { readVerifiedSession, REISSUE_AFTER_S, signVerifiedSession, VERIFIED_SESSION_HEADER } from '@/lib/auth/verified-session';
import { serverSecrets } from '@/lib/env';
import { proxy } from '@/proxy';

const COOKIE = 'authjs.session-token';
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

/** A session cookie as next-auth writes it, issued `ageS` seconds ago. */
async function sessionCookie(ageS: number) {
  // next-auth stamps `iat` with the clock's time.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - ageS * 1000 });
  try {
    const token = await encode({ token: { uid: 7, sv: 3 }, secret: serverSecrets().authSecret, salt: COOKIE, maxAge: 12 * 3600 });
    return `${COOKIE}=${token}`;
  } finally {
    vi.useRealTimers();
  }
}

// Next's server adds x-forwarded-proto to every request; next-auth picks its cookie names by it.
const visit = (path: string, headers: Record<string, string>) =>
  proxy(new NextRequest(`http://localhost${path}`, { headers: { 'x-forwarded-proto': 'http', ...headers } }), {} as NextFetchEvent);
/** What the proxy passes on to the page as this request header (Next carries overrides as x-middleware-request-*). */
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

describe('the session the proxy verified, passed to the page', () => {
  it('reads back what was signed, and nothing altered, expired or made up', () => {
    const signed = signVerifiedSession({ uid: 7, sv: 3, exp: inAnHour() });
    expect(readVerifiedSession(signed)).toMatchObject({ uid: 7, sv: 3 });

    const [uid, sv, exp, mac] = signed.split('.');
    expect(readVerifiedSession([1, sv, exp, mac].join('.'))).toBeNull();
    expect(readVerifiedSession([uid, 4, exp, mac].join('.'))).toBeNull();
    expect(readVerifiedSession([uid, sv, exp, 'A'.repeat(43)].join('.'))).toBeNull();
    expect(readVerifiedSession(signed, (Number(exp) + 1) * 1000)).toBeNull();
    expect(readVerifiedSession('1.0.99999999999')).toBeNull();
    expect(readVerifiedSession(null)).toBeNull();
  });

  it('a forged header gets no one in: without a cookie the visitor goes to /login', async () => {
    const forged = `1.0.${inAnHour()}.${'A'.repeat(43)}`;
    const res = await visit('/admin/users', { [VERIFIED_SESSION_HEADER]: forged });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://localhost/login?callbackUrl=%2Fadmin%2Fusers');
  });

  it('with a fresh cookie the page gets the proxy’s own signed claims, never the incoming header, and no new cookie', async () => {
    const incoming = signVerifiedSession({ uid: 1, sv: 0, exp: inAnHour() });
    const res = await visit('/peering/ixs', { cookie: await sessionCookie(60), [VERIFIED_SESSION_HEADER]: incoming });
    expect(res.headers.get('x-middleware-next')).toBe('1');
    const passed = forwarded(res, VERIFIED_SESSION_HEADER);
    expect(passed).not.toBe(incoming);
    expect(readVerifiedSession(passed)).toMatchObject({ uid: 7, sv: 3 });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it(`a cookie older than ${REISSUE_AFTER_S} s is re-issued with a later expiry; the page then decodes it itself`, async () => {
    const res = await visit('/peering/ixs', { cookie: await sessionCookie(REISSUE_AFTER_S + 60), [VERIFIED_SESSION_HEADER]: signVerifiedSession({ uid: 1, sv: 0, exp: inAnHour() }) });
    expect(res.headers.get('x-middleware-next')).toBe('1');
    const renewed = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
    expect(renewed).toMatch(/Expires=/);
    expect(Date.parse(/Expires=([^;]+)/.exec(renewed!)![1])).toBeGreaterThan(Date.now() + 11.9 * 3600_000);
    // The incoming copy is dropped: Next keeps only the request headers listed as overrides.
    expect(forwarded(res, VERIFIED_SESSION_HEADER)).toBeNull();
    expect(res.headers.get('x-middleware-override-headers')?.split(',')).not.toContain(VERIFIED_SESSION_HEADER);
  });

  it('an unreadable cookie signs no one in', async () => {
    const res = await visit('/peering/ixs', { cookie: `${COOKIE}=garbage` });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toMatch(/^http:\/\/localhost\/login/);
  });
});
