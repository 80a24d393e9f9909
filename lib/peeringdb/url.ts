/**
 * Where a PeeringDB API key may go. The key is a credential of the operator's PeeringDB account:
 * it travels only over https (plain http only to this machine: the test server and the demo), and
 * only to the origin it was saved for. Pure: the settings form checks the same rules.
 */

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

const isLoopbackHost = (hostname: string) => LOOPBACK.test(hostname);

/** Why Peerdesk will not talk to this URL, or null when it will. */
export function peeringDbUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter a URL such as https://www.peeringdb.com/api';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return null;
  return 'Use an https URL: the API key must not travel in clear text (plain http only for a server on this machine)';
}

/** "https://www.peeringdb.com" for "https://www.peeringdb.com/api": scheme, host and port. */
export const originOf = (url: string) => new URL(url).origin;
