import { PeeringDbError } from './errors';
import { fetchSameOrigin, MAX_RESPONSE_BYTES, readCapped } from './guarded-fetch';
import { peeringDbUrlProblem } from './url';

export type PeeringDbRow = Record<string, unknown> & { id: number; status?: string; updated?: string };

export type ClientOptions = {
  url: string;
  apiKey?: string | null;
  /** Hard limit for one request, including reading the body. */
  timeoutMs?: number;
  /** Attempts for 5xx, timeouts and network errors (429 waits do not count). */
  retries?: number;
  /** Longest Retry-After we are willing to sleep through before giving up. */
  maxThrottleWaitS?: number;
  signal?: AbortSignal;
  onWait?: (reason: string, seconds: number) => void;
  fetchImpl?: typeof fetch;
  /** Largest answer read before giving up (default 256 MB). */
  maxBytes?: number;
};

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new PeeringDbError('aborted', 'The sync was stopped'));
    }, { once: true });
  });

/** Talks to PeeringDB (or any compatible server): auth, time limits, 429 and 5xx handling. */
export function peeringDbClient(options: ClientOptions) {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 60_000;
  const retries = options.retries ?? 4;
  const maxThrottleWaitS = options.maxThrottleWaitS ?? 120;
  const doFetch = options.fetchImpl ?? fetch;
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'Peerdesk (+peering portal)' };
  if (options.apiKey) headers.authorization = `Api-Key ${options.apiKey}`;

  async function once(url: string): Promise<PeeringDbRow[]> {
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])]);
    const problem = peeringDbUrlProblem(url);
    if (problem) throw new PeeringDbError('insecure', `${base}: ${problem}`);
    let res: Response;
    let text: string;
    try {
      res = await fetchSameOrigin(doFetch, url, { headers, signal });
      text = await readCapped(res, options.maxBytes ?? MAX_RESPONSE_BYTES, base);
    } catch (err) {
      if (err instanceof PeeringDbError) throw err;
      if (options.signal?.aborted) throw new PeeringDbError('aborted', 'The sync was stopped');
      if ((err as Error).name === 'TimeoutError') throw new PeeringDbError('timeout', `PeeringDB did not answer within ${timeoutMs / 1000} s (${url})`, true);
      throw new PeeringDbError('network', `Cannot reach ${base}: ${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message}`, true);
    }
    const body = parseJson(text);
    const apiError = (body as { meta?: { error?: string } } | null)?.meta?.error;
    if (res.status === 401) throw new PeeringDbError('auth', `PeeringDB refused the API key (401${apiError ? `: ${apiError}` : ''})`);
    if (res.status === 403) throw new PeeringDbError('forbidden', `PeeringDB refused the request (403${apiError ? `: ${apiError}` : ''})`);
    if (res.status === 404) throw new PeeringDbError('not_found', `Not a PeeringDB API at ${base} (404 for ${new URL(url).pathname})`);
    if (res.status === 429) {
      const wait = Number(res.headers.get('retry-after')) || 60;
      throw Object.assign(new PeeringDbError('throttled', `PeeringDB is throttling requests (429, retry after ${wait} s)`, true), { wait });
    }
    if (res.status >= 500) throw new PeeringDbError('server', `PeeringDB answered ${res.status}${apiError ? `: ${apiError}` : ''}`, true);
    if (!res.ok) throw new PeeringDbError('invalid', `PeeringDB answered ${res.status}${apiError ? `: ${apiError}` : ''}`);
    if (body === null) throw new PeeringDbError('invalid', `The answer from ${base} is not valid JSON (truncated or not a PeeringDB API)`, true);
    const data = (body as { data?: unknown }).data;
    if (!Array.isArray(data)) throw new PeeringDbError('invalid', `The answer from ${base} has no "data" list: not a PeeringDB API`);
    return data as PeeringDbRow[];
  }

  async function get(path: string, params: Record<string, string | number | undefined> = {}): Promise<PeeringDbRow[]> {
    const url = new URL(`${base}/${path}`);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
    let failures = 0;
    let throttledFor = 0;
    for (;;) {
      try {
        return await once(url.toString());
      } catch (err) {
        if (!(err instanceof PeeringDbError) || !err.retryable) throw err;
        if (err.kind === 'throttled') {
          const wait = (err as PeeringDbError & { wait: number }).wait;
          throttledFor += wait;
          if (throttledFor > maxThrottleWaitS) throw new PeeringDbError('throttled', `${err.message}; gave up after waiting ${throttledFor - wait} s in total`);
          options.onWait?.('throttled by PeeringDB (429)', wait);
          await sleep(wait * 1000, options.signal);
          continue;
        }
        if (++failures > retries) throw new PeeringDbError(err.kind, `${err.message} (after ${failures} attempts)`);
        const backoff = Math.min(30_000, 500 * 2 ** (failures - 1)) * (0.5 + Math.random());
        options.onWait?.(err.message, Math.round(backoff / 100) / 10);
        await sleep(backoff, options.signal);
      }
    }
  }

  /**
   * Every row of a type, page by page. Pages may come back short (contacts are filtered after
   * paging), so only an empty page ends the list. The next page is already on its way while the
   * caller stores this one: the network and the database work at the same time.
   */
  async function* pages(tag: string, params: { since?: number; pageSize?: number } = {}) {
    const limit = params.pageSize ?? 1000;
    const fetchPage = (skip: number) => {
      const page = get(tag, { limit, skip, depth: 0, since: params.since });
      // A caller that stops early never awaits the page in flight: its failure is not an unhandled rejection.
      page.catch(() => undefined);
      return page;
    };
    let next = fetchPage(0);
    for (let skip = limit; ; skip += limit) {
      const rows = await next;
      if (!rows.length) return;
      next = fetchPage(skip);
      yield rows;
    }
  }

  return { get, pages, base };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
