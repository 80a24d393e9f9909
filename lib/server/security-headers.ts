/** Security headers: the page CSP (with a per-request nonce, set by proxy.ts) and the static ones (next.config.js). */

/**
 * Scripts: only those carrying this request's nonce, and what they load ('strict-dynamic').
 * Images may come from anywhere over http(s): the mailbox shows sanitized email HTML in a sandboxed
 * srcdoc iframe that inherits this policy and narrows it with its own; remote images load only on request.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: http: https:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** Behind a TLS-terminating proxy the app sees http; trust its X-Forwarded-Proto as next-auth does (trustHost). */
export function isHttps(protocol: string, forwardedProto: string | null): boolean {
  return protocol === 'https:' || forwardedProto?.split(',')[0].trim() === 'https';
}
