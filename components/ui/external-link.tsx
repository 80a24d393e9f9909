import type { ReactNode } from 'react';

/** PeeringDB's free-text URLs (website, policy_url) are links only when they are http(s): never javascript: or data:. */
function webUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link to another site, opened apart from Peerdesk; anything but an http(s) URL is shown as plain text. */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  const url = webUrl(href);
  if (!url) return <span className="break-all">{children ?? href}</span>;
  return (
    <a href={url} rel="noreferrer noopener" target="_blank" className="text-sky-700 hover:underline">
      {children ?? href}
    </a>
  );
}
