import { PeeringDbError } from './errors';
import { readCappedText } from '@/lib/server/request-body';

/** A full list of the largest type (netixlan, net) at depth 0 is far below this. */
export const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/**
 * fetch, following redirects only within the origin asked. A redirect elsewhere is an error, not a
 * hop: the key must never follow it (not every fetch drops Authorization across origins), and a
 * sync that quietly went on anonymously somewhere else would hide the misconfiguration.
 */
export async function fetchSameOrigin(doFetch: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    const res = await doFetch(current.toString(), { ...init, redirect: 'manual' });
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
    if (!location) return res;
    await res.body?.cancel();
    const next = new URL(location, current);
    if (next.origin !== current.origin) {
      throw new PeeringDbError('redirect', `${current.origin} redirected to ${next.origin}: Peerdesk follows redirects only within the same origin, so the API key is not sent there. Set the URL it points to if that is where PeeringDB is.`);
    }
    if (hop >= MAX_REDIRECTS) throw new PeeringDbError('redirect', `${current.origin} redirected more than ${MAX_REDIRECTS} times`);
    current = next;
  }
}

/** The body as text, read no further than `maxBytes`: a server that never stops sending cannot fill the memory. */
export function readCapped(res: Response, maxBytes: number, base: string): Promise<string> {
  return readCappedText(res, maxBytes, () =>
    new PeeringDbError('too_large', `The answer from ${base} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: Peerdesk stopped reading it`));
}
