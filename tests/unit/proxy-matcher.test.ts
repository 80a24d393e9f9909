import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { describe, expect, it, vi } from 'vitest';
import { config } from '@/proxy';

// Only the matcher is under test: the proxy module loads without next-auth behind it.
vi.mock('next-auth', () => ({ default: () => ({ auth: (handler: unknown) => handler }) }));
vi.mock('@/lib/auth/config', () => ({ authConfig: {} }));

// The proxy sets each page's CSP (with its script nonce) and sends signed-out visitors to /login.
const runsFor = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe('which requests go through the proxy', () => {
  it.each(['/peering/peers/64500.png', '/peering/ixs/26.svg', '/admin/audit.png', '/peering/routers/1.SVG', '/logo.png', '/peering'])('the page %s does: it gets its CSP', (url) => {
    expect(runsFor(url)).toBe(true);
  });

  it.each(['/_next/static/chunks/app.js', '/_next/image', '/favicon.ico', '/icon.svg', '/api/v1/routers'])('%s does not: Next files and the API answer for themselves', (url) => {
    expect(runsFor(url)).toBe(false);
  });
});
