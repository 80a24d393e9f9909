import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createThrowawayDatabase, describeOnPostgres, postgresAdminUrl, withClient } from '../support/postgres-database';

const root = path.resolve(import.meta.dirname, '../..');
const admin = { email: 'admin@scale.test', password: 'scale-out-password' };
const CRON_SECRET = 'scale-out-cron-secret-0123456789';
// What every instance shares: one database and the same secrets.
const shared = {
  AUTH_SECRET: 'scale-out-auth-secret-0123456789abcdef',
  APP_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
  CRON_SECRET,
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  PGLITE_DIR: '',
};

type Instance = { url: string; server: ChildProcess; log: string };

async function waitUntilHealthy(instance: Instance) {
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (instance.server.exitCode !== null) throw new Error(`instance exited: ${fs.readFileSync(instance.log, 'utf8')}`);
    if (await fetch(`${instance.url}/api/health`).then((r) => r.ok, () => false)) return;
    if (Date.now() > deadline) throw new Error(`instance did not start within 240 s: ${fs.readFileSync(instance.log, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function startInstance(databaseUrl: string, port: number, logDir: string): Instance {
  const log = path.join(logDir, `server-${port}.log`);
  const fd = fs.openSync(log, 'w');
  // `next start` as scripts/start.mjs runs it. The global setup has already built through start.mjs;
  // two start.mjs at once would both rebuild into one directory whenever a source is newer.
  const server = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(port)], {
    cwd: root,
    env: { ...process.env, ...shared, DATABASE_URL: databaseUrl, PORT: String(port), AUTH_TRUST_HOST: 'true', NEXT_MANUAL_SIG_HANDLE: '1' },
    stdio: ['ignore', fd, fd],
  });
  return { url: `http://127.0.0.1:${port}`, server, log };
}

describeOnPostgres('two app instances behind one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  let instances: Instance[] = [];
  let browser: Browser;
  let token = '';
  let logDir = '';
  const query = <T>(text: string, values: unknown[] = []) =>
    withClient(database.url, async (c) => (await c.query(text, values)).rows as T[]);
  const [a, b] = [0, 1].map((i) => () => instances[i]);

  beforeAll(async () => {
    logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerdesk-scale-out-'));
    database = await createThrowawayDatabase(postgresAdminUrl!);
    const port = 4100 + Math.floor(Math.random() * 400);
    // Started together on an empty database: both migrate at start, one after the other (advisory lock).
    instances = [startInstance(database.url, port, logDir), startInstance(database.url, port + 1, logDir)];
    await Promise.all(instances.map(waitUntilHealthy));
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'token', 'create', '--email', admin.email, '--name', 'scale-out'], {
      cwd: root,
      env: { ...process.env, ...shared, DATABASE_URL: database.url },
      encoding: 'utf8',
    });
    token = cli.stdout.trim().split('\n').pop() ?? '';
    expect(cli.status, cli.stderr).toBe(0);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(
      instances.map(async ({ server }) => {
        if (server.exitCode !== null) return;
        server.kill('SIGTERM');
        await new Promise((r) => server.once('exit', r));
      }),
    );
    await database?.drop();
    if (logDir) fs.rmSync(logDir, { recursive: true, force: true });
  });

  const api = (instance: Instance, apiPath: string, init: RequestInit = {}) =>
    fetch(`${instance.url}/api/v1${apiPath}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

  it('both started on one database: each migration applied once, one first admin', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(root, 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const [migrations] = await query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(migrations.n).toBe(journal.entries.length);
    expect(await query('select email, role from users')).toEqual([{ email: admin.email, role: 'global_admin' }]);
  });

  it('a browser signed in on one instance is signed in on the other', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${a().url}/login`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/dashboard');
    // Cookies belong to the host, not the port: the same session cookie now goes to the other instance.
    await page.goto(`${b().url}/scheduler`);
    expect(new URL(page.url()).pathname).toBe('/scheduler');
    await page.getByRole('heading', { name: 'Scheduled jobs' }).waitFor();
  });

  it("a user created through one instance's API is listed by the other", async () => {
    const email = `made-on-a-${Date.now()}@scale.test`;
    const created = await api(a(), '/users', { method: 'POST', body: JSON.stringify({ email, role: 'viewer', password: 'viewer-password-1' }) });
    expect(created.status).toBe(201);
    const listed = (await (await api(b(), `/users?q=${encodeURIComponent(email)}`)).json()) as { data: { email: string }[] };
    expect(listed.data.map((u) => u.email)).toEqual([email]);
  });

  it('POST /api/cron hammered on both at once runs each of 40 jobs exactly once', async () => {
    // The production build has no test job kinds: a kind it does not know fails on its first run, which is one run to count.
    const ids = (await query<{ id: number }>(`insert into jobs (kind, summary) select 'e2e.probe', 'probe ' || i from generate_series(1, 40) i returning id`)).map((r) => r.id);
    const cron = (instance: Instance) =>
      fetch(`${instance.url}/api/cron`, { method: 'POST', headers: { authorization: `Bearer ${CRON_SECRET}` } }).then(async (r) => {
        expect(r.status).toBe(200);
        return ((await r.json()) as { ran: { id: number }[] }).ran.map((j) => j.id);
      });
    const reported: number[] = [];
    for (let round = 0; round < 40; round++) {
      const ran = await Promise.all([a(), b(), a(), b(), a(), b(), a(), b()].map(cron));
      reported.push(...ran.flat());
      const [left] = await query<{ n: number }>(`select count(*)::int as n from jobs where kind = 'e2e.probe' and status in ('scheduled', 'running')`);
      if (left.n === 0) break;
    }
    // node-cron inside each instance may take some too; together, nothing twice.
    expect(new Set(reported).size).toBe(reported.length);
    const jobs = await query<{ id: number; status: string; attempts: number; error: string; runs: number }>(
      `select j.id, j.status, j.attempts, j.error, (select count(*)::int from job_runs r where r.job_id = j.id) as runs from jobs j where kind = 'e2e.probe' order by id`,
    );
    expect(jobs.map((j) => j.id)).toEqual(ids);
    for (const job of jobs) expect(job).toMatchObject({ status: 'failed', attempts: 1, runs: 1, error: 'Unknown job kind "e2e.probe"' });
    // A runner is "host:pid:random"; the pid tells the two server processes apart.
    const processes = await query<{ pid: string; n: number }>(`select split_part(runner, ':', 2) as pid, count(*)::int as n from job_runs group by 1`);
    expect(processes, 'both instances ran some of the jobs').toHaveLength(2);
    console.log(`40 jobs, each run once, split ${processes.map((p) => p.n).join(' / ')} between the two instances`);
  });
});
