import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { withBrowserOrigin } from '@/lib/auth/request-origin';

// What `next start -p 3000` hands a route handler, whatever name the browser used.
const asNextStartSeesIt = (headers: Record<string, string>) => new NextRequest('http://localhost:3000/api/auth/callback/oidc?code=abc&state=xyz', { headers });

describe('the URL next-auth sees in its route handlers', () => {
  afterEach(() => {
    delete process.env.AUTH_URL;
  });

  it('is the one the browser used, so the redirect URI matches the one sent to the provider', () => {
    const req = withBrowserOrigin(asNextStartSeesIt({ host: 'peerdesk.internal:4600' }));
    expect(req.url).toBe('http://peerdesk.internal:4600/api/auth/callback/oidc?code=abc&state=xyz');
  });

  it('follows the proxy in front for the public name and https', () => {
    const req = withBrowserOrigin(asNextStartSeesIt({ host: '10.0.0.5:3000', 'x-forwarded-host': 'peerdesk.example.net', 'x-forwarded-proto': 'https' }));
    expect(req.url).toBe('https://peerdesk.example.net/api/auth/callback/oidc?code=abc&state=xyz');
  });

  it('leaves it to AUTH_URL when that is set', () => {
    process.env.AUTH_URL = 'https://peerdesk.example.net';
    expect(withBrowserOrigin(asNextStartSeesIt({ host: 'peerdesk.internal:4600' })).url).toBe('http://localhost:3000/api/auth/callback/oidc?code=abc&state=xyz');
  });
});
