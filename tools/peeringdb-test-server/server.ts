// A PeeringDB-compatible HTTP API over a synthetic dataset, with fault injection, for tests and demos.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleControl } from './control';
import { type Disruption, Faults } from './faults';
import type { Overlay } from './generate';
import { QueryError, fieldKinds, parseListQuery } from './query';
import { type RateLimitOptions, RateLimiter } from './rate-limit';
import { type Presenter, envelopeChunks, presenter, sendError, sendJson, streamChunks, throttledMessage } from './responses';
import { EMPTY_TAGS, type Tag, isTag, isoSeconds } from './schema';
import { ServerStats } from './stats';
import { PeeringDbStore } from './store';

export interface TestServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 1. */
  seed?: number;
  /** Fraction of production size; default 0.05. */
  scale?: number;
  overlay?: Overlay | false;
  /** Serve an existing store (its own seed and scale) instead of generating one. */
  store?: PeeringDbStore;
  /** Keys accepted in `Authorization: Api-Key <key>`; default `["test-key"]`. */
  apiKeys?: string[];
  /** Off unless given; `PEERINGDB_RATE_LIMITS` has production's numbers. */
  rateLimit?: RateLimitOptions;
}

export interface PeeringDbTestServer {
  /** API base, e.g. `http://127.0.0.1:41234/api`. */
  url: string;
  port: number;
  store: PeeringDbStore;
  faults: Faults;
  stats: ServerStats;
  /** Dataset, faults, stats and rate-limit history back to their state at start. */
  reset(): void;
  close(): Promise<void>;
}

export interface ServerContext {
  store: PeeringDbStore;
  faults: Faults;
  stats: ServerStats;
  reset(): void;
}

interface ApiContext extends ServerContext {
  apiKeys: Set<string>;
  limiter: RateLimiter | null;
  kinds: Map<Tag, ReturnType<typeof fieldKinds>>;
  /** Responses a `hang` fault holds open until the server closes. */
  held: Set<ServerResponse>;
}

const API_PATH = /^\/api\/([a-z_]+)(?:\/(\d+))?\/?$/;
const BASIC_AUTH_GONE = 'Basic authentication support has been deprecated. Please use an API key.';

export async function startPeeringDbTestServer(options: TestServerOptions = {}): Promise<PeeringDbTestServer> {
  const store = options.store ?? new PeeringDbStore({ seed: options.seed ?? 1, scale: options.scale ?? 0.05, overlay: options.overlay });
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : null;
  const context: ApiContext = {
    store, faults: new Faults(), stats: new ServerStats(), limiter, held: new Set(), kinds: new Map(),
    apiKeys: new Set(options.apiKeys ?? ['test-key']),
    reset: () => {
      store.reset();
      context.faults.clear();
      context.stats.reset();
      limiter?.reset();
    },
  };
  const server = createServer((req, res) => {
    handle(context, req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendError(res, 500, `test server: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`, port, store, faults: context.faults, stats: context.stats, reset: context.reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of context.held) res.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(context: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://test-server');
  if (url.pathname.startsWith('/__control/')) return handleControl(context, req, res, url);

  const match = API_PATH.exec(url.pathname);
  const tag = match?.[1] ?? null;
  let authenticated = false;
  const record = (status: number | null, fault: string | null = null) =>
    context.stats.record({ method: req.method ?? 'GET', url: req.url ?? '/', tag, status, authenticated, fault });

  const refuse = (status: number, error: string) => {
    record(status);
    sendError(res, status, error);
  };

  const plan = url.pathname.startsWith('/api/') ? context.faults.plan(tag) : { latencyMs: 0, disruption: null };
  if (plan.latencyMs > 0) await sleep(plan.latencyMs);
  if (plan.disruption && plan.disruption.kind !== 'truncate') return interrupt(context, req, res, plan.disruption, record);

  const [scheme = '', ...words] = (req.headers.authorization ?? '').trim().split(/\s+/);
  const credential = words.join(' ');
  if (scheme.toLowerCase() === 'basic') return refuse(403, BASIC_AUTH_GONE);
  if (scheme.toLowerCase() === 'api-key') {
    if (!context.apiKeys.has(credential)) return refuse(401, 'Invalid API key');
    authenticated = true;
  }
  const wait = context.limiter?.check(authenticated ? `key ${credential}` : `ip ${req.socket.remoteAddress}`, authenticated) ?? 0;
  if (wait > 0) {
    record(429);
    return sendJson(res, 429, throttledMessage(wait), { 'Retry-After': String(wait) });
  }

  if (req.method !== 'GET') return refuse(405, `Method "${req.method}" not allowed.`);
  if (!match || !tag) return refuse(404, `Not found: ${url.pathname}`);
  if ((EMPTY_TAGS as readonly string[]).includes(tag)) {
    record(200);
    return sendJson(res, 200, { data: [], meta: {} });
  }
  if (!isTag(tag)) return refuse(404, `Unknown object type '${tag}'`);

  const truncate = plan.disruption?.kind === 'truncate';
  try {
    const status = match[2]
      ? await sendOne(context, res, tag, Number(match[2]), url, authenticated, truncate)
      : await sendList(context, res, tag, url, authenticated, truncate);
    record(status, truncate ? 'truncate' : null);
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    record(400);
    sendError(res, 400, error.message);
  }
}

/** Faults that replace the response (truncate instead alters the real one). */
type Interruption = Exclude<Disruption, { kind: 'truncate' }>;

function interrupt(
  context: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  fault: Interruption,
  record: (status: number | null, fault: string) => void,
): void {
  switch (fault.kind) {
    case 'status':
      record(fault.status, 'status');
      if (fault.body === undefined) return sendError(res, fault.status, `Injected fault: HTTP ${fault.status}`);
      res.writeHead(fault.status, { 'Content-Type': 'text/html' });
      return void res.end(fault.body);
    case 'throttle':
      record(429, 'throttle');
      return sendJson(res, 429, throttledMessage(fault.retryAfter), { 'Retry-After': String(fault.retryAfter) });
    case 'hang':
      record(null, 'hang');
      context.held.add(res);
      res.once('close', () => context.held.delete(res));
      return;
    case 'reset':
      record(null, 'reset');
      return void req.socket.destroy();
  }
}

function kindsOf(context: ApiContext, tag: Tag) {
  let kinds = context.kinds.get(tag);
  if (!kinds) {
    kinds = fieldKinds(context.store.rows(tag));
    context.kinds.set(tag, kinds);
  }
  return kinds;
}

async function sendList(
  context: ApiContext,
  res: ServerResponse,
  tag: Tag,
  url: URL,
  authenticated: boolean,
  truncate: boolean,
): Promise<number> {
  const query = parseListQuery(url.searchParams, kindsOf(context, tag));
  let rows = query.since > 0 ? context.store.updatedAfter(tag, isoSeconds(query.since * 1000)) : context.store.okRows(tag);
  if (query.filters.length > 0) rows = rows.filter((row) => query.filters.every((accepts) => accepts(row)));
  const page = rows.slice(query.skip, query.limit > 0 ? query.skip + query.limit : undefined);
  if (query.byId && page.length === 0) {
    sendJson(res, 404, { data: [], meta: { error: 'Entity not found' } });
    return 404;
  }
  await sendPage(res, page, presenter(query.fields, authenticated), truncate);
  return 200;
}

async function sendOne(
  context: ApiContext,
  res: ServerResponse,
  tag: Tag,
  id: number,
  url: URL,
  authenticated: boolean,
  truncate: boolean,
): Promise<number> {
  const row = context.store.get(tag, id);
  if (!row || row.status !== 'ok') {
    sendError(res, 404, 'Not found.');
    return 404;
  }
  const present = presenter(url.searchParams.get('fields')?.split(',') ?? null, authenticated);
  if (!present(row)) {
    sendError(res, 403, 'You do not have permission to perform this action.');
    return 403;
  }
  await sendPage(res, [row], present, truncate);
  return 200;
}

/** Streams the envelope; a `truncate` fault sends only the first half of it, then ends cleanly. */
async function sendPage(
  res: ServerResponse,
  rows: Parameters<typeof envelopeChunks>[0],
  present: Presenter,
  truncate: boolean,
): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  if (!truncate) return streamChunks(res, envelopeChunks(rows, present));
  const body = [...envelopeChunks(rows, present)].join('');
  res.end(body.slice(0, Math.floor(body.length / 2)));
}
