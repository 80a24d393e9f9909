import { describe, expect, inject, it } from 'vitest';
import { signIn, useBrowser } from './browser';

const browser = useBrowser();
const base = () => inject('baseUrl');

async function signedInCookie() {
  const page = await browser.page();
  await signIn(page, inject('adminEmail'), inject('adminPassword'));
  await page.waitForURL('**/dashboard');
  const cookies = await page.context().cookies();
  return { page, cookies, header: cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
}

describe('security headers, cookies and cross-site requests', () => {
  it('pages carry a nonce-based CSP that Next uses for its own scripts, and no CSP violation happens while browsing', async () => {
    const res = await fetch(`${base()}/login`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    for (const directive of ["script-src 'self' 'nonce-", "'strict-dynamic'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "img-src 'self' data: http: https:"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce per request.
    const again = (await fetch(`${base()}/login`)).headers.get('content-security-policy');
    expect(again).not.toContain(nonce);

    const { page } = await signedInCookie();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(e.message));
    for (const path of ['/peering/ixs', '/peering/sessions', '/peering/routers', '/login']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    // Hydrated: React owns the DOM (client components run under the policy).
    const hydrated = await page.evaluate(() => Object.keys(document.querySelector('form') ?? document.body).some((k) => k.startsWith('__react')));
    expect(hydrated).toBe(true);
    expect(violations).toEqual([]);
  });

  it('every response says nosniff, no framing and a referrer policy; the API too; HSTS only behind https', async () => {
    for (const path of ['/login', '/api/health', '/api/v1/exchanges']) {
      const res = await fetch(`${base()}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(res.headers.get('permissions-policy'), path).toContain('camera=()');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
      const https = await fetch(`${base()}${path}`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(https.headers.get('strict-transport-security'), path).toContain('max-age=');
    }
  });

  it('the session cookie is HttpOnly and SameSite=Lax; over https the auth cookies are Secure', async () => {
    const { cookies } = await signedInCookie();
    const session = cookies.find((c) => /authjs\.session-token$/.test(c.name));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // next-auth's own endpoints set its cookies (pages no longer go through next-auth without a session cookie).
    const https = await fetch(`${base()}/api/auth/csrf`, { headers: { 'x-forwarded-proto': 'https' } });
    const setCookies = https.headers.getSetCookie();
    expect(setCookies.some((line) => line.startsWith('__Host-authjs.csrf-token='))).toBe(true);
    expect(setCookies.length).toBeGreaterThan(0);
    for (const line of setCookies) expect(line).toMatch(/; Secure/i);
    for (const line of setCookies) expect(line).toMatch(/HttpOnly/i);
  });

  it('a server action posted from another origin with the session cookie is refused; the same post from our origin runs', async () => {
    const { header } = await signedInCookie();
    const html = await (await fetch(`${base()}/login`)).text();
    const actionId = /ACTION_1:0" value="\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1];
    expect(actionId).toBeTruthy();
    const post = (origin: string) =>
      fetch(`${base()}/login`, {
        method: 'POST',
        headers: { origin, cookie: header, 'next-action': actionId!, 'content-type': 'text/plain;charset=UTF-8' },
        body: '[{},"$K1"]',
      });
    const foreign = await post('http://evil.example');
    expect(foreign.status).toBe(500);
    expect(await foreign.text()).not.toContain('Wrong email or password');
    const ours = await post(new URL(base()).origin);
    expect(ours.status).toBe(200);
    expect(await ours.text()).toContain('Wrong email or password');
  });

  it('the REST API and cron take no session cookie: a cookie-only mutation is 401 and changes nothing', async () => {
    const { header } = await signedInCookie();
    const attempts: [string, string, unknown][] = [
      ['POST', '/api/v1/routers', { name: 'csrf-router', hostname: 'x.test', platform: 'frr', transport: 'none', localAsn: 65001 }],
      ['PATCH', '/api/v1/settings', { asns: [64512] }],
      ['POST', '/api/v1/tokens', { name: 'stolen' }],
      ['POST', '/api/v1/peeringdb/sync', {}],
      ['POST', '/api/cron', {}],
    ];
    for (const [method, path, body] of attempts) {
      const res = await fetch(`${base()}${path}`, {
        method,
        headers: { cookie: header, origin: 'http://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      // The cron route is 404 while CRON_SECRET is unset, 401 without its bearer secret.
      expect(res.status, `${method} ${path}`).toBe(path === '/api/cron' && res.status === 404 ? 404 : 401);
    }
    const page = await browser.page();
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await page.waitForURL('**/dashboard');
    await page.goto('/peering/routers');
    await expect(page.getByText('csrf-router').count()).resolves.toBe(0);
  });
});
