/**
 * Appends the address of whoever opened the connection to X-Forwarded-For, as a reverse proxy
 * does. `next start` keeps a client's X-Forwarded-For as sent and fills it in only when absent, so
 * the app could not tell a forged entry from the real peer; with this, the right-most entry is
 * always the peer, and lib/auth/client-address.ts believes entries to its left only from TRUSTED_PROXIES.
 * @param {import('node:http').IncomingMessage} req
 */
export function appendPeer(req) {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const sent = req.headers['x-forwarded-for'];
  req.headers['x-forwarded-for'] = sent ? `${sent}, ${peer}` : peer;
}
