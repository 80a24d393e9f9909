import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshotDir, signIn, useBrowser } from './browser';

/**
 * Four-eyes approval in a real browser, on a render-only router (no lab needed): with approval
 * required, an Admin asks for a 1 click config; it waits in Pending approval and its author is
 * offered no Approve button; a second Admin reads the diff, approves with a comment, and the
 * change runs to its end. The review and the Changes list are the screenshots of the manual.
 */
const browser = useBrowser();
const base = () => inject('baseUrl');
const shots = path.resolve(import.meta.dirname, '../../docs/screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
const run = Date.now();
const password = 'changes-e2e-password';
const author = `change-author-${run}@e2e.test`;
const approver = `change-approver-${run}@e2e.test`;
const ends = ['succeeded', 'failed', 'rolled_back', 'rejected', 'cancelled'];

let admin: Record<string, string> = {};
let approvalBefore = false;
const made: { routerId?: number; sessionIds: number[]; leftPending?: number } = { sessionIds: [] };

async function api(method: string, route: string, body?: unknown) {
  const res = await fetch(`${base()}/api/v1${route}`, { method, headers: admin, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> & { data?: Record<string, unknown>[] };
  expect(res.status, `${method} ${route}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function signedIn(email: string, secret: string) {
  const page = await browser.page();
  await signIn(page, email, secret);
  await page.waitForURL('**/dashboard');
  return page;
}

/** The change a 1 click config on this session asked for, once it is recorded. */
const changeOf = (sessionId: number) =>
  until(`the change of session ${sessionId}`, async () => {
    const list = await api('GET', `/changes?routerId=${made.routerId}`);
    return list.data!.find((c) => (c.sessionIds as number[]).includes(sessionId)) as { id: number; status: string } | undefined;
  });

async function oneClickConfig(page: Page, sessionId: number) {
  await page.goto(`/peering/sessions/${sessionId}`);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: '1 click config' }).click();
  return changeOf(sessionId);
}

describe('change control: four-eyes approval', () => {
  beforeAll(async () => {
    for (const dir of [shots, screenshotDir]) fs.mkdirSync(dir, { recursive: true });
    const page = await signedIn(inject('adminEmail'), inject('adminPassword'));
    await page.goto('/account');
    await page.getByLabel('New token name').fill(`changes-${run}`);
    await page.getByRole('button', { name: 'Create token' }).click();
    admin = { authorization: `Bearer ${(await page.getByTestId('new-token').textContent())!.trim()}`, 'content-type': 'application/json' };
    await page.context().close();

    const settings = (await api('GET', '/settings')) as { asns: number[]; changeControl: { approvalRequired: boolean } };
    approvalBefore = settings.changeControl.approvalRequired;
    await api('PATCH', '/settings', { asns: [...new Set([...settings.asns, 65001])], changeControl: { approvalRequired: true } });
    for (const email of [author, approver]) await api('POST', '/users', { email, role: 'admin', password });
    made.routerId = ((await api('POST', '/routers', { name: `edge-review-${run % 100_000}`, hostname: 'edge-review.example.net', platform: 'frr', transport: 'none', localAsn: 65001 })) as { id: number }).id;
    for (const [asn, ip, name] of [
      [64512, '192.0.2.41', 'Example Transit'],
      [64513, '192.0.2.42', 'Example Content'],
    ] as const) {
      const session = await api('POST', '/sessions', { routerId: made.routerId, ixId: null, peerAsn: asn, peerIp: ip, peerName: name, maxPrefixes: 500, acknowledgeAddressMismatch: true });
      made.sessionIds.push(session.id as number);
    }
  }, 180_000);

  afterAll(async () => {
    // Leave the shared server as found: approval off again, nothing waiting in the nav of later files.
    if (made.leftPending) await api('POST', `/changes/${made.leftPending}/reject`, { comment: 'End of the e2e run' });
    if (admin.authorization) await api('PATCH', '/settings', { changeControl: { approvalRequired: approvalBefore } });
  });

  it('the author cannot approve; a second Admin approves with a comment; the change runs to its end', async () => {
    const [reviewed, waiting] = made.sessionIds;
    const authorPage = await signedIn(author, password);
    const change = await oneClickConfig(authorPage, reviewed);
    expect(change.status).toBe('pending_approval');
    made.leftPending = (await oneClickConfig(authorPage, waiting)).id;

    await authorPage.goto(`/peering/changes/${change.id}`);
    await authorPage.getByText('You asked for this change: another approver must approve it.').waitFor();
    expect(await authorPage.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await authorPage.getByText('Pending approval').count()).toBeGreaterThan(0);
    await authorPage.context().close();

    const page = await signedIn(approver, password);
    // Two changes wait for an approver: the Peering tabs say so.
    await page.goto('/peering/ixs');
    const nav = await page.getByRole('link', { name: /^Changes \(\d+\)$/ }).textContent();
    expect(Number(nav!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(2);
    await page.goto(`/peering/changes/${change.id}`);
    const diff = page.getByTestId('change-diff');
    await diff.waitFor();
    expect(await diff.textContent()).toContain('192.0.2.41');
    await page.getByLabel('Comment (optional)').fill('Checked the prefix limit with the peer: go ahead.');
    await shot(page, 'change-review');

    await page.getByRole('button', { name: 'Approve' }).click();
    // The page re-renders without the form once the change is no longer pending.
    await page.getByRole('button', { name: 'Approve' }).waitFor({ state: 'detached' });
    const final = await until('the approved change to end', async () => {
      const c = (await api('GET', `/changes/${change.id}`)) as { status: string };
      return ends.includes(c.status) && c;
    });
    expect(final.status).toBe('succeeded');

    await page.reload();
    await page.getByText('Succeeded', { exact: true }).first().waitFor();
    const approvals = page.getByRole('heading', { name: 'Approvals' }).locator('..');
    await expect(approvals.textContent()).resolves.toMatch(new RegExp(`approved by ${approver.replace(/[.]/g, '\\.')}.*Checked the prefix limit`, 's'));
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    await page.goto(`/peering/changes?routerId=${made.routerId}`);
    const row = page.getByTestId(`change-${change.id}`);
    await row.getByText('Succeeded').waitFor();
    await expect(row.textContent()).resolves.toMatch(new RegExp(`AS64512 Example Transit.*${approver.replace(/[.]/g, '\\.')}`));
    await page.getByTestId(`change-${made.leftPending}`).getByText('Pending approval').waitFor();
    await shot(page, 'changes');
    await page.context().close();
  }, 240_000);

  it("an Admin sets the router's maintenance windows on its page; a wrong time zone is shown next to its field", async () => {
    const page = await signedIn(approver, password);
    await page.goto(`/peering/routers/${made.routerId}`);
    await page.getByRole('button', { name: 'Add window' }).click();
    const window = page.getByRole('group', { name: 'Maintenance window 1' });
    await window.getByLabel('Sun').check();
    await window.getByLabel('From').fill('01:30');
    await window.getByLabel('Until').fill('05:00');
    await window.getByLabel('Time zone').fill('Europe/Amsterdm');
    await page.getByRole('button', { name: 'Save router' }).click();
    await window.getByText('An IANA time zone, e.g. Europe/Amsterdam or UTC').waitFor();
    expect((await api('GET', `/routers/${made.routerId}`)).maintenanceWindows).toEqual([]);

    await window.getByLabel('Time zone').fill('Europe/Amsterdam');
    await page.getByRole('button', { name: 'Save router' }).click();
    await page.getByText('Router saved.').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'router-windows.png'), fullPage: true });
    expect((await api('GET', `/routers/${made.routerId}`)).maintenanceWindows).toEqual([{ days: ['sat', 'sun'], start: '01:30', end: '05:00', timeZone: 'Europe/Amsterdam' }]);

    await page.reload();
    await page.getByRole('group', { name: 'Maintenance window 1' }).getByRole('button', { name: 'Remove window' }).click();
    await page.getByRole('button', { name: 'Save router' }).click();
    await page.getByText('Router saved.').waitFor();
    expect((await api('GET', `/routers/${made.routerId}`)).maintenanceWindows).toEqual([]);
    await page.context().close();
  }, 120_000);
});
