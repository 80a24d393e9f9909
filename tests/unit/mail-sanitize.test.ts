import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from '@/lib/mail/sanitize';

describe('mail HTML as the browser gets it', () => {
  it('drops scripts, event handlers, javascript: links, frames, forms and styles that fetch', () => {
    const { html } = sanitizeEmailHtml(
      '<p onclick="alert(1)">Hi</p><script>alert(document.cookie)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">link</a>' +
        '<iframe src="https://evil.test"></iframe><form action="https://evil.test"><input></form><style>body{display:none}</style>' +
        '<div style="background:url(https://t.evil.test/x)">bg</div><p style="color:red">red</p>',
    );
    expect(html).not.toMatch(/<script|onclick|onerror|javascript:|<iframe|<form|<input|<style|url\(/i);
    expect(html).toContain('<p>Hi</p>');
    expect(html).toContain('<p style="color:red">red</p>');
    expect(html).toContain('link</a>');
  });

  it('flags remote images and keeps inline (cid:) ones', () => {
    expect(sanitizeEmailHtml('<img src="https://tracker.evil.test/p.gif">')).toMatchObject({ hasRemoteImages: true });
    const inline = sanitizeEmailHtml('<img src="cid:logo@x" alt="logo">');
    expect(inline).toEqual({ html: '<img src="cid:logo@x" alt="logo" />', hasRemoteImages: false });
  });

  it('keeps http, https and mailto links', () => {
    const { html } = sanitizeEmailHtml('<a href="https://peeringdb.com/net/1">pdb</a> <a href="mailto:noc@peer.test">noc</a>');
    expect(html).toContain('href="https://peeringdb.com/net/1"');
    expect(html).toContain('href="mailto:noc@peer.test"');
  });
});
