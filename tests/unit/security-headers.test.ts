import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isHttps } from '@/lib/server/security-headers';

describe('the page Content-Security-Policy', () => {
  it('lets scripts run only with the request nonce, and forbids framing, plugins, base and form hijacks', () => {
    const csp = contentSecurityPolicy('abc123');
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['script-src']).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'self'");
    expect(directives['form-action']).toBe("'self'");
    expect(directives['connect-src']).toBe("'self'");
    expect(directives['img-src']).toBe("'self' data: http: https:");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('allows eval and the HMR socket only for next dev', () => {
    expect(contentSecurityPolicy('n', true)).toContain("'strict-dynamic' 'unsafe-eval'");
    expect(contentSecurityPolicy('n', true)).toContain("connect-src 'self' ws:");
  });

  it('knows https from the URL or a TLS-terminating proxy', () => {
    expect(isHttps('https:', null)).toBe(true);
    expect(isHttps('http:', 'https')).toBe(true);
    expect(isHttps('http:', 'https, http')).toBe(true);
    expect(isHttps('http:', 'http')).toBe(false);
    expect(isHttps('http:', null)).toBe(false);
  });
});
