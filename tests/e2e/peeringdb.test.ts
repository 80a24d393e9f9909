import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { LAB } from '@/tools/peeringdb-test-server/lab-overlay';
import { screenshotDir, signIn, useBrowser } from './browser';
import { ownAdmin, useOwnServer } from './own-server';

const browser = useBrowser();
// "From no data": a fresh install of its own, whatever the other files did to the shared server.
const server = useOwnServer();

async function labIxMembers() {
  const res = await fetch(`${inject('peeringDbUrl')}/netixlan?ix_id=${LAB.labIxId}&limit=0`, { headers: { authorization: 'Api-Key test-key' } });
  const rows = ((await res.json()) as { data: { asn: number }[] }).data;
  return new Set(rows.map((r) => r.asn).filter((asn) => asn !== LAB.localAsn)).size;
}

describe('from no data to the exchange list: settings, Test, Sync now', () => {
  it('the coordinator sets the ASN and PeeringDB account, tests it, syncs with progress, and sees the exchanges', async () => {
    const page = await browser.page(server.url);
    await signIn(page, ownAdmin.email, ownAdmin.password);
    await page.waitForURL('**/dashboard');
    await page.goto('/peering/ixs');
    await page.getByText('No exchanges yet: set your ASNs first').waitFor();

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.waitForURL('**/peering/settings');
    await page.getByLabel('Local ASNs').fill('65001, 23456');
    await page.getByLabel('PeeringDB URL').fill(inject('peeringDbUrl'));
    await page.getByLabel('API key').fill('test-key');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('AS23456 is AS_TRANS').waitFor();

    await page.getByLabel('Local ASNs').fill('65001');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByTestId('api-key-set').waitFor();
    expect(await page.content()).not.toContain('test-key');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(page.getByTestId('pdb-test-result').textContent()).resolves.toContain('it was accepted');

    // Slow PeeringDB down so the progress can be seen.
    await fetch(inject('peeringDbUrl').replace(/\/api$/, '/__control/faults'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'latency', ms: 250, times: 40 }),
    });
    await page.goto('/peering/ixs');
    await page.getByText('No PeeringDB data yet').waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('sync-progress').getByText(/of 9 types done/).waitFor();
    await page.getByTestId('sync-progress').screenshot({ path: path.join(screenshotDir, 'sync-progress.png') });
    await page.getByText('up to date').waitFor({ timeout: 60_000 });

    const lab = page.getByTestId(`exchange-${LAB.labIxId}`);
    await lab.waitFor();
    const cells = await lab.getByRole('cell').allTextContents();
    expect(cells[0]).toContain('LAB-IX');
    expect(cells.slice(3)).toEqual(['0', String(await labIxMembers()), '0']);
    expect(await page.getByRole('row').count()).toBe(1 + 1 + LAB.otherIxCount);
    await page.screenshot({ path: path.join(screenshotDir, 'ixs-synced.png'), fullPage: true });

    await lab.getByRole('link', { name: 'LAB-IX' }).click();
    await page.getByText(LAB.localIpaddr4, { exact: true }).waitFor();
    await page.getByRole('link', { name: /Communications/ }).click();
    await page.getByPlaceholder(/ASN/).fill('AS65002');
    await page.getByRole('button', { name: 'Filter' }).click();
    const peer = page.getByRole('row').filter({ hasText: 'AS65002' });
    await peer.waitFor();
    expect(await peer.textContent()).toContain(LAB.peerIpaddr4);
    expect(await page.getByRole('row').count()).toBe(2);
  });

  it('a viewer sees the exchanges but not the settings, and cannot start a sync', async () => {
    const page = await browser.page(server.url);
    await signIn(page, ownAdmin.email, ownAdmin.password);
    await page.waitForURL('**/dashboard');
    await page.goto('/admin/users');
    const email = `ix-viewer-${Date.now()}@e2e.test`;
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Initial password').fill('viewer-password-2');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByTestId(`user-${email}`).waitFor();

    const viewer = await browser.page(server.url);
    await signIn(viewer, email, 'viewer-password-2');
    await viewer.waitForURL('**/dashboard');
    await viewer.goto('/peering/ixs');
    await viewer.getByTestId(`exchange-${LAB.labIxId}`).waitFor();
    expect(await viewer.getByRole('button', { name: 'Sync now' }).count()).toBe(0);
    expect(await viewer.getByRole('link', { name: 'Settings', exact: true }).count()).toBe(0);
    await viewer.goto('/peering/settings');
    await viewer.getByRole('alert').filter({ hasText: "You don't have access" }).waitFor();
  });
});
