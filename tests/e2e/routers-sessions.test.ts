import path from 'node:path';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LAB } from '@/tools/peeringdb-test-server/lab-overlay';
import { screenshotDir, signIn, useBrowser } from './browser';

const browser = useBrowser();
const base = () => inject('baseUrl');
let api: Record<string, string> = {};
const made: { routerId?: number; sessionId?: number } = {};

async function signInAsAdmin(page: Page) {
  await signIn(page, inject('adminEmail'), inject('adminPassword'));
  await page.waitForURL('**/dashboard');
  await page.goto('/peering/ixs');
}

/**
 * What this file needs, made by itself whatever ran before it: an admin API token (made on the
 * Account page), the ASN and PeeringDB account, and a finished sync that lists LAB-IX.
 * No router is reached: edge-1 points at a closed port, so the BGP lab is not needed.
 */
beforeAll(async () => {
  const page = await browser.page();
  await signInAsAdmin(page);
  await page.goto('/account');
  await page.getByLabel('New token name').fill(`routers-sessions-e2e-${Date.now()}`);
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())!.trim();
  await page.context().close();
  expect(token).toMatch(/^pdk_/);

  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  api = headers;
  const settings = await fetch(`${base()}/api/v1/settings`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ asns: '65001', peeringdb: { url: inject('peeringDbUrl'), apiKey: 'test-key' } }),
  });
  expect(settings.status, await settings.clone().text()).toBe(200);
  const sync = await fetch(`${base()}/api/v1/peeringdb/sync`, { method: 'POST', headers, body: '{}' });
  expect(sync.status, await sync.clone().text()).toBe(202);

  // The server's scheduler runs the job; LAB-IX is listed once it has finished.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`${base()}/api/v1/exchanges?q=LAB-IX&limit=50`, { headers });
    const ids = res.ok ? ((await res.json()) as { data: { id: number }[] }).data.map((x) => x.id) : [];
    if (ids.includes(LAB.labIxId)) break;
    if (Date.now() > deadline) throw new Error('LAB-IX was not listed within 60 s of starting the PeeringDB sync');
    await new Promise((r) => setTimeout(r, 500));
  }
  fs.mkdirSync(screenshotDir, { recursive: true });
}, 120_000);

/** Leaves no session or router behind (LAB-IX's Sessions count as it found it); settings and PeeringDB data stay. */
afterAll(async () => {
  for (const [kind, id] of [['sessions', made.sessionId], ['routers', made.routerId]] as const) {
    if (!id) continue;
    const res = await fetch(`${base()}/api/v1/${kind}/${id}`, { method: 'DELETE', headers: api });
    expect(res.status, `DELETE /${kind}/${id}: ${await res.clone().text()}`).toBe(200);
  }
});

describe('a peering coordinator adds a router, its peer group and a session to a peer at LAB-IX', () => {
  it('Add router, Test connection, peer group, Add Session, and the router is kept while it has the session', async () => {
    const page = await browser.page();
    await signInAsAdmin(page);
    // LAB-IX's Sessions count before: other files' sessions there are theirs, not this journey's.
    const labRow = page.getByTestId(`exchange-${LAB.labIxId}`);
    await labRow.waitFor();
    const sessionsBefore = Number((await labRow.getByRole('cell').allTextContents())[5]);

    // Routers › Add router: a bad SSH port is refused next to the field, then the router is added.
    await page.getByRole('navigation', { name: 'Section' }).getByRole('link', { name: 'Routers', exact: true }).click();
    await page.waitForURL('**/peering/routers');
    await page.getByRole('link', { name: 'Add router' }).click();
    await page.waitForURL('**/peering/routers/new');
    await page.getByLabel('Name', { exact: true }).fill('edge-1');
    await page.getByLabel('Hostname', { exact: true }).fill('127.0.0.1');
    await page.getByLabel('Platform', { exact: true }).selectOption({ label: 'FRRouting' });
    await page.getByLabel('Transport', { exact: true }).selectOption({ label: 'SSH' });
    await page.getByLabel('SSH port', { exact: true }).fill('70000');
    await page.getByLabel('SSH user', { exact: true }).fill('peerdesk');
    await page.getByLabel('Password', { exact: true }).fill('Rtr-pass-8675309');
    await page.getByRole('button', { name: 'Add router' }).click();
    const portError = page.locator('#router-port-error');
    await portError.waitFor();
    expect(await portError.textContent()).toBe('A port from 1 to 65535');
    expect(await page.getByLabel('SSH port', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/peering/routers/new');

    await page.getByLabel('SSH port', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Add router' }).click();
    await page.waitForURL(/\/peering\/routers\/\d+$/);
    const routerId = Number(new URL(page.url()).pathname.split('/').pop());
    made.routerId = routerId;
    await page.getByRole('heading', { name: 'edge-1', exact: true }).waitFor();
    await page.getByText('SSH 127.0.0.1:1', { exact: true }).waitFor();
    expect(await page.content()).not.toContain('Rtr-pass-8675309');

    // Router Details › Test connection: nothing listens on port 1.
    await page.getByRole('button', { name: 'Test connection' }).click();
    const outcome = page.getByTestId('router-test-result');
    await outcome.waitFor({ timeout: 20_000 });
    expect(await outcome.textContent()).toBe('Connection refused by 127.0.0.1:1: nothing accepts SSH connections on that port.');
    expect(await outcome.getAttribute('role')).toBe('alert');

    // Peer group LAB-IX-V4 for LAB-IX over IPv4; the same name again is refused next to the field.
    const addGroup = page.getByRole('heading', { name: 'Add group' }).locator('..');
    await addGroup.getByLabel('Exchange').selectOption({ label: 'LAB-IX' });
    await addGroup.getByLabel('Name').fill('LAB-IX-V4');
    await addGroup.getByLabel('Address family').selectOption({ label: 'IPv4' });
    await addGroup.getByRole('button', { name: 'Add group' }).click();
    // The new group appears in the table, the form says so and clears Name for the next one.
    await addGroup.getByText('Peer group added.').waitFor();
    const group = page.getByTestId('peer-group-LAB-IX-V4-4');
    await group.waitFor();
    await expect.poll(() => addGroup.getByLabel('Name').inputValue()).toBe('');
    expect(await group.getByRole('cell').allTextContents()).toEqual(['LAB-IX', 'LAB-IX-V4', 'IPv4', '0', 'Delete']);

    await addGroup.getByLabel('Name').fill('LAB-IX-V4');
    await addGroup.getByRole('button', { name: 'Add group' }).click();
    const groupError = addGroup.locator('#group-name-error');
    await groupError.waitFor();
    expect(await groupError.textContent()).toBe('edge-1 already has an IPv4 peer group named LAB-IX-V4');
    expect(await page.locator('[data-testid^="peer-group-"]').count()).toBe(1);
    await page.screenshot({ path: path.join(screenshotDir, 'router-details.png'), fullPage: true });

    // The Routers list shows edge-1, last contact failed.
    await page.getByRole('link', { name: '← All routers' }).click();
    await page.waitForURL('**/peering/routers');
    const routerRow = page.getByTestId('router-edge-1');
    await routerRow.waitFor();
    const routerCells = await routerRow.getByRole('cell').allTextContents();
    expect(routerCells.slice(0, 6)).toEqual(['edge-1', '127.0.0.1', 'FRRouting', '—', 'AS65001', '0']);
    expect(routerCells[6]).toMatch(/^failed/);
    await page.screenshot({ path: path.join(screenshotDir, 'routers.png') });

    // Sessions › Add Session: LAB-IX, edge-1, LAB-IX-V4, AS65002 picked from PeeringDB, an MD5 key.
    await page.getByRole('navigation', { name: 'Section' }).getByRole('link', { name: 'Sessions', exact: true }).click();
    await page.waitForURL('**/peering/sessions');
    await page.getByRole('link', { name: 'Add Session' }).click();
    await page.waitForURL('**/peering/sessions/new');
    await page.getByLabel('Exchange', { exact: true }).selectOption({ label: 'LAB-IX' });
    await page.getByLabel('Router', { exact: true }).selectOption({ label: 'edge-1' });
    const peerGroup = page.getByLabel('Peer group', { exact: true });
    await peerGroup.waitFor();
    expect(await peerGroup.locator('option:checked').textContent()).toBe('LAB-IX-V4 (IPv4)');
    await page.getByLabel('Find the peer at LAB-IX').fill('65002');
    const candidate = page.getByTestId('candidate-65002');
    await candidate.waitFor();
    expect(await candidate.textContent()).toContain('Lab Peer Net');
    await candidate.click();
    await expect.poll(() => page.getByLabel('Peer IP', { exact: true }).inputValue()).toBe(LAB.peerIpaddr4);
    expect(await page.getByLabel('Peer ASN', { exact: true }).inputValue()).toBe('65002');
    expect(await page.getByLabel('Peer name', { exact: true }).inputValue()).toBe('Lab Peer Net');
    await page.getByLabel('MD5 password', { exact: true }).fill('s3cr3t');
    await page.screenshot({ path: path.join(screenshotDir, 'session-wizard.png'), fullPage: true });
    await page.getByRole('button', { name: 'Create session' }).click();

    // Session Details: Not Configured, the MD5 key set but never shown.
    await page.waitForURL(/\/peering\/sessions\/\d+\?added=1$/);
    const sessionId = Number(new URL(page.url()).pathname.split('/').pop());
    made.sessionId = sessionId;
    await page.getByRole('status').filter({ hasText: 'Session added on edge-1. It is Not Configured until it is pushed to the router.' }).waitFor();
    await page.getByRole('heading', { name: `AS65002 ${LAB.peerIpaddr4} · Lab Peer Net` }).waitFor();
    const fact = (name: string) => page.getByTestId(`fact-${name}`).textContent();
    expect(await fact('config-status')).toBe('Not Configured');
    expect(await fact('md5-password')).toBe('set');
    expect(await fact('router')).toBe('edge-1');
    expect(await fact('exchange')).toBe('LAB-IX');
    expect(await fact('peer-group')).toBe('LAB-IX-V4');
    expect(await fact('destination')).toBe(LAB.peerIpaddr4);
    expect(await fact('max-prefixes')).toBe('100'); // PeeringDB's IPv4 prefix count for Lab Peer Net
    expect(await fact('bgp-state')).toBe('not polled yet');
    expect(await page.content()).not.toContain('s3cr3t');
    await page.reload();
    await page.getByTestId('fact-md5-password').waitFor();
    expect(await page.content()).not.toContain('s3cr3t');
    expect(await page.getByLabel('MD5 password', { exact: true }).inputValue()).toBe('');

    // The session list, filtered by router, shows it.
    await page.getByRole('link', { name: '← All sessions' }).click();
    await page.waitForURL('**/peering/sessions');
    const filters = page.getByRole('search');
    await filters.getByLabel('Router').selectOption({ label: 'edge-1' });
    await filters.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(`**/peering/sessions?*routerId=${routerId}*`);
    const sessionRow = page.getByTestId(`session-${sessionId}`);
    await sessionRow.waitFor();
    const sessionCells = await sessionRow.getByRole('cell').allTextContents();
    expect(sessionCells.slice(0, 10)).toEqual([
      'AS65001',
      'edge-1',
      'AS65002Lab Peer Net',
      LAB.peerIpaddr4,
      'LAB-IX',
      'LAB-IX-V4',
      'Peer',
      '— / 100',
      'Not Configured',
      'not polled yet',
    ]);
    expect(await page.locator('[data-testid^="session-"]').count()).toBe(1);
    expect(await page.content()).not.toContain('s3cr3t');
    await page.screenshot({ path: path.join(screenshotDir, 'sessions.png') });

    // The IXs list counts it in LAB-IX's Sessions column.
    await page.getByRole('navigation', { name: 'Section' }).getByRole('link', { name: 'IXs', exact: true }).click();
    await page.waitForURL('**/peering/ixs');
    const lab = page.getByTestId(`exchange-${LAB.labIxId}`);
    await lab.waitFor();
    expect((await lab.getByRole('cell').allTextContents())[5]).toBe(String(sessionsBefore + 1));

    // edge-1 cannot be deleted while it has the session.
    await page.goto(`/peering/routers/${routerId}`);
    await page.getByText('It has 1 session: delete or move them first.').waitFor();
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Delete router' }).click();
    await page.getByRole('alert').filter({ hasText: 'This router has 1 session: delete or move them first' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/peering/routers/${routerId}`);
    await page.goto('/peering/routers');
    expect((await page.getByTestId('router-edge-1').getByRole('cell').allTextContents())[5]).toBe('1');
  });

  it('a viewer sees Routers and Sessions, but cannot add either', async () => {
    const page = await browser.page();
    await signInAsAdmin(page);
    await page.goto('/admin/users');
    const email = `routers-viewer-${Date.now()}@e2e.test`;
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Initial password').fill('viewer-password-3');
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByTestId(`user-${email}`).waitFor();

    const viewer = await browser.page();
    await signIn(viewer, email, 'viewer-password-3');
    await viewer.waitForURL('**/dashboard');
    await viewer.goto('/peering/ixs');
    const section = viewer.getByRole('navigation', { name: 'Section' });
    await section.getByRole('link', { name: 'Routers', exact: true }).click();
    await viewer.waitForURL('**/peering/routers');
    await viewer.getByTestId('router-edge-1').waitFor();
    expect(await viewer.getByRole('link', { name: 'Add router' }).count()).toBe(0);

    await section.getByRole('link', { name: 'Sessions', exact: true }).click();
    await viewer.waitForURL('**/peering/sessions');
    await viewer.getByRole('heading', { name: 'BGP sessions' }).waitFor();
    await viewer.getByRole('row').filter({ hasText: 'edge-1' }).filter({ hasText: LAB.peerIpaddr4 }).waitFor();
    expect(await viewer.getByRole('link', { name: 'Add Session' }).count()).toBe(0);
    expect(await viewer.content()).not.toContain('s3cr3t');

    await viewer.goto('/peering/sessions/new');
    await viewer.getByRole('alert').filter({ hasText: "You don't have access to this page" }).waitFor();
    expect(await viewer.getByRole('button', { name: 'Create session' }).count()).toBe(0);
    await viewer.goto('/peering/routers/new');
    await viewer.getByRole('alert').filter({ hasText: "You don't have access to this page" }).waitFor();
  });
});
