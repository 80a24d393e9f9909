// Load generator for bench/exchange-pages.ts: N clients in a closed loop (each sends its next
// request when the previous response has been read) over keep-alive sockets. node:http rather than
// fetch: the client shares 2 cores with the server and PostgreSQL, so it has to cost little CPU.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';

export type Sample = { status: number; ms: number; bytes: number; error?: string };
export type LoadResult = { samples: Sample[]; seconds: number; cpu: { appMs: number; dbMs: number; clientMs: number } };

function request(agent: http.Agent, url: string, headers: Record<string, string>): Promise<Sample> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers, timeout: 60_000 }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes }));
      res.on('error', () => resolve({ status: 0, ms: performance.now() - started, bytes }));
    });
    // Status 0 = no HTTP answer (reset, timeout); counted as an error like any non-2xx.
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: 0, ms: performance.now() - started, bytes: 0, error: err.message }));
  });
}

async function closedLoop(agent: http.Agent, url: string, headers: Record<string, string>, connections: number, seconds: number) {
  const samples: Sample[] = [];
  const deadline = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) samples.push(await request(agent, url, headers));
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  return { samples, seconds: (performance.now() - started) / 1000 };
}

/**
 * Loads each page in turn for `seconds`, discarded: the server's JIT and lazily loaded modules are then
 * warm for every page, so the page measured first does not pay for the process's start (the same page
 * measured first and last differed by 1.5× in req/s).
 */
export async function warmEvery(pages: { url: string; headers: Record<string, string> }[], connections: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  try {
    for (const page of pages) await closedLoop(agent, page.url, page.headers, connections, seconds);
  } finally {
    agent.destroy();
  }
}

/** Warm-up (discarded), then the measured run, with the CPU the app, PostgreSQL and this client used meanwhile. */
export async function load(opts: {
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  warmup: number;
  appPid: number;
  dbPids: () => Promise<number[]>;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  try {
    await closedLoop(agent, opts.url, opts.headers, opts.connections, opts.warmup);
    const before = { app: cpuMs(descendants(opts.appPid)), db: cpuMs(await opts.dbPids()), client: process.cpuUsage() };
    const run = await closedLoop(agent, opts.url, opts.headers, opts.connections, opts.seconds);
    const client = process.cpuUsage(before.client);
    const cpu = {
      appMs: cpuSince(before.app, descendants(opts.appPid)),
      dbMs: cpuSince(before.db, await opts.dbPids()),
      clientMs: (client.user + client.system) / 1000,
    };
    return { ...run, cpu };
  } finally {
    agent.destroy();
  }
}

/** Nearest-rank percentile. */
export function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN;
}

export function summarize(result: LoadResult) {
  const ok = result.samples.filter((s) => s.status >= 200 && s.status < 300);
  const sorted = result.samples.map((s) => s.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const s of result.samples) if (s.status < 200 || s.status >= 300) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  const n = result.samples.length;
  return {
    requests: n,
    errors: n - ok.length,
    statuses,
    firstError: result.samples.find((s) => s.error)?.error,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: n / result.seconds,
    kb: ok.length ? ok.reduce((t, s) => t + s.bytes, 0) / ok.length / 1024 : 0,
    perRequest: { app: result.cpu.appMs / n, db: result.cpu.dbMs / n, client: result.cpu.clientMs / n },
  };
}

const TICK_MS = 1000 / Number(execSync('getconf CLK_TCK').toString().trim() || 100);

function stat(pid: number) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself contain spaces and parentheses.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) per live process. */
function cpuMs(pids: number[]) {
  return new Map(pids.map((pid) => [pid, (stat(pid)?.ticks ?? 0) * TICK_MS]));
}

/** CPU used since `before` by the processes alive now (a pooled connection that closed meanwhile is lost; a new one counts whole). */
function cpuSince(before: Map<number, number>, pids: number[]) {
  return [...cpuMs(pids)].reduce((ms, [pid, now]) => ms + now - (before.get(pid) ?? 0), 0);
}

/** The process and everything below it: start.mjs -> next start (-> any workers). */
export function descendants(root: number) {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    const pid = Number(name);
    const ppid = pid ? stat(pid)?.ppid : undefined;
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

/** next-auth credentials sign-in as a browser does it; returns the Cookie header to send afterwards. */
export async function signIn(base: string, email: string, password: string) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/peering/ixs` }),
  });
  keep(res);
  if (![...jar].some(([k, v]) => k.endsWith('authjs.session-token') && v)) throw new Error(`sign-in failed: HTTP ${res.status} ${res.headers.get('location') ?? ''}`);
  return header();
}
