import { peeringDbKeyFor, peeringDbSettings } from '@/lib/settings/service';
import { peeringDbClient } from './client';
import { PeeringDbError } from './errors';
import { originOf, peeringDbUrlProblem } from './url';

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

/**
 * The Test button with what is typed in the form: a typed key goes to the typed URL; without one,
 * the stored key goes only to the origin it was saved for, so typing a URL cannot fetch it elsewhere.
 */
export async function testTypedPeeringDb(typed: { url?: string; apiKey?: string | null }) {
  const inUse = await peeringDbSettings();
  const url = typed.url ?? inUse.url;
  const problem = peeringDbUrlProblem(url);
  if (problem) return { ok: false, message: problem };
  if (typed.apiKey) return testPeeringDbConnection({ url, apiKey: typed.apiKey });
  const apiKey = await peeringDbKeyFor(url);
  const result = await testPeeringDbConnection({ url, apiKey });
  const storedFor = inUse.apiKey ? originOf(inUse.url) : inUse.apiKeyHeldFor;
  if (apiKey || !storedFor) return result;
  return { ...result, message: `${result.message} The stored API key was not sent: it belongs to ${storedFor}. Enter it again to use it with ${originOf(url)}.` };
}
