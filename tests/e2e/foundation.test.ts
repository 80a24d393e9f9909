import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, signIn, useBrowser } from './browser';

const browser = useBrowser();
const base = () => inject('baseUrl');

describe('signing in and the portal shell', () => {
  it('a signed-out visitor is sent to the sign-in page, and comes back after signing in', async () => {
    const page = await browser.page();
    await page.goto('/peering/sessions');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Email').fill(inject('adminEmail'));
    await page.getByLabel('Password').fill(inject('adminPassword'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/peering/sessions');
    await expect(page.getByRole('heading', { name: 'BGP sessions' }).isVisible()).resolves.toBe(true);
  });

  it('a wrong password says so and stays on the sign-in page', async () => {
    const page = await browser.page();
    await signIn(page, inject('adminEmail'), 'not-the-password');
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('the Global Admin sees every tab, including Emails and Admin', async () => {
    const page = await browser.page();
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await page.waitForURL('**/dashboard');
    await page.goto('/peering/ixs');
    const section = page.getByRole('navigation', { name: 'Section' });
    for (const tab of ['IXs', 'Routers', 'Sessions', 'Peers', 'Emails']) {
      await expect(section.getByRole('link', { name: tab, exact: true }).isVisible()).resolves.toBe(true);
    }
    const main = page.getByRole('navigation', { name: 'Main' });
    for (const tab of ['Peering', 'Scheduler', 'Admin']) {
      await expect(main.getByRole('link', { name: tab }).isVisible()).resolves.toBe(true);
    }
    fs.mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, 'ixs.png') });
  });
});

describe('a Global Admin creates a viewer, who is kept out of admin pages and admin APIs', () => {
  const viewer = { email: `viewer-${Date.now()}@e2e.test`, password: 'viewer-password-1' };
  let viewerToken = '';

  it('the Add user form shows errors next to the fields, then creates the viewer', async () => {
    const page = await browser.page();
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await page.waitForURL('**/dashboard');
    await page.goto('/admin/users');
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByLabel('Initial password').fill('short');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('Enter a valid email address').waitFor();
    await page.getByText('At least 10 characters').first().waitFor();

    await page.getByLabel('Email', { exact: true }).fill(viewer.email);
    await page.getByLabel('Initial password').fill(viewer.password);
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByTestId(`user-${viewer.email}`).waitFor();
    expect(await page.getByTestId(`user-${viewer.email}`).textContent()).toContain('viewer');
    await page.screenshot({ path: path.join(screenshotDir, 'admin-users.png') });
  });

  it('the viewer has no Admin or Emails tab, and an admin page or the mailbox says no', async () => {
    const page = await browser.page();
    await signIn(page, viewer.email, viewer.password);
    await page.waitForURL('**/dashboard');
    await expect(page.getByRole('link', { name: 'Admin' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Emails' }).count()).resolves.toBe(0);
    for (const url of ['/admin/users', '/admin/audit', '/peering/emails']) {
      await page.goto(url);
      await page.getByRole('alert').filter({ hasText: "You don't have access" }).waitFor({ timeout: 5000 });
    }
    expect(await page.content()).not.toContain('Create user');
  });

  it('the viewer makes an API token: it reads the API but may not create users', async () => {
    const page = await browser.page();
    await signIn(page, viewer.email, viewer.password);
    await page.waitForURL('**/dashboard');
    await page.goto('/account');
    await page.getByLabel('New token name').fill('scripts');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('new-token').textContent())!.trim();
    expect(token).toMatch(/^pdk_/);
    await page.reload();
    expect(await page.content()).not.toContain(token);

    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const spec = await fetch(`${base()}/api/v1/openapi.json`, { headers: auth });
    expect(spec.status).toBe(200);
    expect(((await spec.json()) as { openapi: string }).openapi).toBe('3.1.0');

    const create = await fetch(`${base()}/api/v1/users`, { method: 'POST', headers: auth, body: JSON.stringify({ email: 'x@e2e.test', role: 'admin', password: 'long-enough-pw' }) });
    expect(create.status).toBe(403);
    expect(await create.json()).toMatchObject({ error: { code: 'forbidden' } });
    const list = await fetch(`${base()}/api/v1/users`, { headers: auth });
    expect(list.status).toBe(403);
    viewerToken = token;
  });

  it("the Global Admin revokes the viewer's token under Admin > API tokens, and it stops working", async () => {
    const page = await browser.page();
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await page.waitForURL('**/dashboard');
    await page.goto('/admin/tokens');
    const row = page.getByRole('row').filter({ hasText: viewer.email }).filter({ hasText: 'scripts' });
    page.once('dialog', (d) => d.accept());
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('revoked').waitFor();
    const res = await fetch(`${base()}/api/v1/openapi.json`, { headers: { authorization: `Bearer ${viewerToken}` } });
    expect(res.status).toBe(401);
  });
});
