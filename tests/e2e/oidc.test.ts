import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenIdProvider, type OpAccount } from '../support/openid-provider';

const root = path.resolve(import.meta.dirname, '../..');
const admin = { email: 'breakglass@sso.test', password: 'break-glass-password' };
const client = { clientId: 'peerdesk', clientSecret: 'peerdesk-client-secret-at-the-provider' };
// The people at the identity provider; tests move them between groups.
const accounts: Record<string, OpAccount> = {
  alice: { email: 'alice@sso.test', name: 'Alice Noc', groups: ['noc'] },
  bob: { email: 'bob@sso.test', name: 'Bob Finance', groups: ['finance'] },
  carol: { email: 'carol@sso.test', name: 'Carol Ops', groups: ['noc'] },
};

/**
 * Its own `next start` (the global setup has built it) with OIDC_* set: next-auth reads the provider
 * from the environment at start, which the shared e2e server was started without.
 */
describe('single sign-on with a real OpenID Provider', () => {
  let op: Awaited<ReturnType<typeof startOpenIdProvider>>;
  let server: ChildProcess;
  let browser: Browser;
  let dataDir = '';
  let base = '';
  let log = '';
  let failed = false;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerdesk-oidc-'));
    const port = 4600 + Math.floor(Math.random() * 300);
    // localhost, not 127.0.0.1: Next writes loopback addresses as "localhost" in the URLs it hands next-auth.
    base = `http://localhost:${port}`;
    op = await startOpenIdProvider({ ...client, redirectUri: `${base}/api/auth/callback/oidc`, accounts });
    // Outside the data dir, so it outlives a failed run: the server's JSON log says why a sign-on failed.
    log = path.join(os.tmpdir(), `peerdesk-oidc-server-${port}.log`);
    server = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(port)], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: '',
        PGLITE_DIR: path.join(dataDir, 'pglite'),
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        AUTH_TRUST_HOST: 'true',
        NEXT_MANUAL_SIG_HANDLE: '1',
        OIDC_ISSUER: op.issuer,
        OIDC_CLIENT_ID: client.clientId,
        OIDC_CLIENT_SECRET: client.clientSecret,
        OIDC_ROLE_MAP: 'netops=admin,noc=viewer',
      },
      stdio: ['ignore', fs.openSync(log, 'w'), fs.openSync(log, 'a')],
    });
    const deadline = Date.now() + 120_000;
    // /readyz: database, migrations and the scheduler, the way a load balancer would wait for it.
    while (!(await fetch(`${base}/readyz`).then((r) => r.ok, () => false))) {
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`server did not get ready: ${fs.readFileSync(log, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });

  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail' || ctx.task.result?.errors?.length) failed = true;
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    await op?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (failed) console.log(`server log kept: ${log}`);
    else if (log) fs.rmSync(log, { force: true });
  });

  async function signInThroughProvider(login: string): Promise<Page> {
    const page = await (await browser.newContext({ baseURL: base })).newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    // The provider's own pages: its login form, then its consent screen.
    await page.waitForURL(`${op.issuer}/**`);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${base}/**`);
    return page;
  }

  it('signs a new person in through the provider, with the role of their group', async () => {
    const page = await signInThroughProvider('alice');
    await page.waitForURL('**/dashboard');
    await expect.poll(() => page.getByTestId('current-user').innerText()).toBe('alice@sso.test (Viewer)');
  });

  it('refuses a person in no mapped group with a page that says why', async () => {
    const page = await signInThroughProvider('bob');
    await page.waitForURL('**/login?**');
    const alert = page.getByRole('alert').filter({ hasText: 'Sign-in refused' });
    await expect.poll(() => alert.innerText()).toContain('none of the groups that give a Peerdesk role');
    await page.goto('/peering/ixs');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('applies a group change at the provider at the next sign-in', async () => {
    const before = await signInThroughProvider('carol');
    await expect.poll(() => before.getByTestId('current-user').innerText()).toBe('carol@sso.test (Viewer)');
    accounts.carol.groups = ['netops'];
    const after = await signInThroughProvider('carol');
    await expect.poll(() => after.getByTestId('current-user').innerText()).toBe('carol@sso.test (Admin)');
    await after.goto('/admin/audit');
    await after.getByRole('heading', { name: 'Audit log' }).waitFor();
  });

  it('signing out ends the local session', async () => {
    const page = await signInThroughProvider('alice');
    await page.waitForURL('**/dashboard');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.goto('/peering/ixs');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('limits password sign-in to the break-glass Global Admin when an admin turns it off', async () => {
    const local = { email: 'local-operator@sso.test', password: 'local-operator-password' };
    const page = await (await browser.newContext({ baseURL: base })).newPage();
    const passwordSignIn = async (p: Page, who: { email: string; password: string }) => {
      await p.goto('/login');
      await p.getByLabel('Email').fill(who.email);
      await p.getByLabel('Password').fill(who.password);
      await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    };
    await passwordSignIn(page, admin);
    await page.waitForURL('**/dashboard');
    await page.goto('/admin/users');
    await page.getByLabel('Email', { exact: true }).fill(local.email);
    await page.getByLabel('Initial password').fill(local.password);
    await page.getByLabel('Role', { exact: true }).selectOption('operator');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByTestId(`user-${local.email}`).waitFor();
    await page.goto('/admin/sso');
    await page.getByLabel('Password sign-in').selectOption('break_glass_only');
    await page.getByLabel('Break-glass Global Admin').fill(admin.email);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Single sign-on settings saved.').waitFor();

    const refused = await (await browser.newContext({ baseURL: base })).newPage();
    await passwordSignIn(refused, local);
    await refused.getByText('Password sign-in is turned off here').waitFor();
    expect(await refused.getByText('Password sign-in is for the break-glass account only.').count()).toBe(1);

    const breakGlass = await (await browser.newContext({ baseURL: base })).newPage();
    await passwordSignIn(breakGlass, admin);
    await breakGlass.waitForURL('**/dashboard');
  });
});
