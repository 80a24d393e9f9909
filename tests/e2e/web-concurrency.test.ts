import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayDatabase, describeOnPostgres, postgresAdminUrl } from '../support/postgres-database';

const root = path.resolve(import.meta.dirname, '../..');
const serve = path.join(root, 'scripts/serve.mjs');
const secrets = { AUTH_SECRET: 'web-concurrency-auth-secret-0123456789', APP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), AUTH_TRUST_HOST: 'true', NEXT_MANUAL_SIG_HANDLE: '1' };

/** The worker processes of a primary, read from /proc (each a whole server on the shared port). */
function workersOf(pid: number): number[] {
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return children ? children.split(/\s+/).map(Number) : [];
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 240_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('WEB_CONCURRENCY', () => {
  it('is refused on the embedded database, which belongs to one process', () => {
    const run = spawnSync(process.execPath, [serve], { cwd: root, env: { ...process.env, ...secrets, DATABASE_URL: '', WEB_CONCURRENCY: '2', PORT: '1' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('WEB_CONCURRENCY above 1 needs PostgreSQL');
  });

  it('must be a whole number', () => {
    const run = spawnSync(process.execPath, [serve], { cwd: root, env: { ...process.env, ...secrets, WEB_CONCURRENCY: 'two', PORT: '1' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('WEB_CONCURRENCY must be a whole number');
  });
});

describeOnPostgres('WEB_CONCURRENCY=2 on PostgreSQL', () => {
  let server: ChildProcess;
  let url = '';
  let log = '';
  let database: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  // A request that hangs is an answer too (a connection handed to a dead worker): it fails here, after 10 s.
  // Each probe on a new connection, as a new client: a kept-alive connection to a worker that is killed dies with it (any server's).
  const healthy = () =>
    new Promise<boolean>((resolve) => {
      const req = http.get(`${url}/api/health`, { agent: false, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve(false));
    });

  beforeAll(async () => {
    database = await createThrowawayDatabase(postgresAdminUrl!);
    const port = 4500 + Math.floor(Math.random() * 400);
    url = `http://127.0.0.1:${port}`;
    log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peerdesk-web-concurrency-')), 'server.log');
    const fd = fs.openSync(log, 'w');
    server = spawn(process.execPath, [serve], {
      cwd: root,
      env: { ...process.env, ...secrets, DATABASE_URL: database.url, PORT: String(port), WEB_CONCURRENCY: '2' },
      stdio: ['ignore', fd, fd],
    });
    await until('two workers answering', async () => (workersOf(server.pid!).length === 2 && (await healthy()) ? true : undefined));
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
      for (const pid of workersOf(server.pid!)) process.kill(pid, 'SIGKILL');
    }
    await database?.drop();
  });

  it('closes a kept-alive connection after 100 answers, so a client reconnects to whichever worker is free', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    type Answer = { connection?: string; socket: unknown };
    const answer = () =>
      new Promise<Answer>((resolve, reject) => {
        http.get(`${url}/api/health`, { agent }, (res) => {
          const socket = res.socket;
          res.resume();
          res.on('end', () => resolve({ connection: res.headers.connection, socket }));
        }).on('error', reject);
      });
    const answers: Answer[] = [];
    for (let i = 0; i < 101; i++) answers.push(await answer());
    agent.destroy();
    expect(answers.slice(0, 99).every((a) => a.connection === 'keep-alive' && a.socket === answers[0].socket)).toBe(true);
    expect(answers[99].connection).toBe('close');
    expect(answers[100].socket).not.toBe(answers[0].socket);
  });

  it('serves from two processes on one port, replaces a worker that dies, and stops them all on SIGTERM', async () => {
    const [first, second] = workersOf(server.pid!);
    process.kill(first, 'SIGKILL');
    // The other worker keeps answering while the dead one is replaced: every request of a burst is answered.
    expect(await Promise.all(Array.from({ length: 20 }, healthy))).toEqual(Array(20).fill(true));
    const replaced = await until('a new worker', () => {
      const now = workersOf(server.pid!);
      return now.length === 2 && !now.includes(first) ? now : undefined;
    });
    expect(replaced).toContain(second);
    const readyLines = () => fs.readFileSync(log, 'utf8').match(/Peerdesk is ready/g)?.length ?? 0;
    await until('the new worker to be ready', () => (readyLines() >= 3 ? true : undefined));
    expect(await healthy()).toBe(true);
    expect(fs.readFileSync(log, 'utf8')).toContain(`worker ${first} exited (SIGKILL); starting another`);

    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of replaced) expect(fs.existsSync(`/proc/${pid}`)).toBe(false);
    expect(await healthy()).toBe(false);
  }, 120_000);
});
