import { peeringDbClient } from './client';
import { PeeringDbError } from './errors';

/**
 * The settings page's Test button: one small authenticated request, reported in words.
 * A key is only proven valid by a request that sends it, so we ask for one contact page too.
 */
export async function testPeeringDbConnection(opts: { url: string; apiKey: string | null }): Promise<{ ok: boolean; message: string }> {
  const client = peeringDbClient({ url: opts.url, apiKey: opts.apiKey, timeoutMs: 15_000, retries: 0, maxThrottleWaitS: 0 });
  try {
    const [net] = await client.get('net', { limit: 1, depth: 0 });
    if (!net || typeof net.asn !== 'number') return { ok: false, message: `${client.base} answered, but not with PeeringDB networks` };
    return {
      ok: true,
      message: opts.apiKey ? `Connected to ${client.base} with the API key: it was accepted.` : `Connected to ${client.base} anonymously (no API key: contacts visible to users only are hidden).`,
    };
  } catch (err) {
    if (err instanceof PeeringDbError) return { ok: false, message: err.message };
    throw err;
  }
}
