/**
 * Whether a browser request comes from Peerdesk's own pages: the Origin check Next applies to server
 * actions, for the few cookie-authenticated route handlers that take a body.
 */
export function fromOwnOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  const host = (req.headers.get('x-forwarded-host') ?? req.headers.get('host'))?.split(',')[0]?.trim();
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
