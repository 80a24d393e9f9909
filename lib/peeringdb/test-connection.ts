import { query } from '@/lib/auth/mutation';
import { fieldError, ServiceError } from '@/lib/errors';
import { peeringSettingsInput } from '@/lib/settings/schemas';
import { peeringDbKeyFor, peeringDbSettings } from '@/lib/settings/service';
import { peeringDbClient } from './client';
import { PeeringDbError } from './errors';
import { originOf, peeringDbUrlProblem } from './url';

/**
 * One small authenticated request, reported in words; a failure is `unavailable` with PeeringDB's reason.
 * A key is only proven valid by a request that sends it, so we ask for one contact page too.
 */
export async function testPeeringDbConnection(opts: { url: string; apiKey: string | null }): Promise<string> {
  const client = peeringDbClient({ url: opts.url, apiKey: opts.apiKey, timeoutMs: 15_000, retries: 0, maxThrottleWaitS: 0 });
  try {
    const [net] = await client.get('net', { limit: 1, depth: 0 });
    if (!net || typeof net.asn !== 'number') throw new ServiceError('unavailable', `${client.base} answered, but not with PeeringDB networks`);
    return opts.apiKey
      ? `Connected to ${client.base} with the API key: it was accepted.`
      : `Connected to ${client.base} anonymously (no API key: contacts visible to users only are hidden).`;
  } catch (err) {
    if (err instanceof PeeringDbError) throw new ServiceError('unavailable', err.message);
    throw err;
  }
}

const typedInput = peeringSettingsInput.shape.peeringdb.unwrap().pick({ url: true, apiKey: true });

/**
 * The settings page's Test button, with what is typed in the form: a typed key goes to the typed URL;
 * without one, the stored key goes only to the origin it was saved for, so typing a URL cannot fetch it
 * elsewhere. A read: nothing is stored.
 */
export const testPeeringDb = query({
  name: 'peeringdb.test',
  permission: 'settings.manage',
  input: typedInput,
  async run({ input: typed }) {
    const inUse = await peeringDbSettings();
    const url = typed.url ?? inUse.url;
    const problem = peeringDbUrlProblem(url);
    if (problem) throw fieldError('url', problem);
    if (typed.apiKey) return { message: await testPeeringDbConnection({ url, apiKey: typed.apiKey }) };
    const apiKey = await peeringDbKeyFor(url);
    const message = await testPeeringDbConnection({ url, apiKey });
    const storedFor = inUse.apiKey ? originOf(inUse.url) : inUse.apiKeyHeldFor;
    if (apiKey || !storedFor) return { message };
    return { message: `${message} The stored API key was not sent: it belongs to ${storedFor}. Enter it again to use it with ${originOf(url)}.` };
  },
});
