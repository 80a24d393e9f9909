import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LAB } from '@/tools/peeringdb-test-server/lab-overlay';
import { signIn, useBrowser } from './browser';

const browser = useBrowser();
const base = () => inject('baseUrl');
const control = (path: string) => inject('peeringDbUrl').replace(/\/api$/, `/__control/${path}`);

const HOSTILE = {
  ix: 'LAB-IX <script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  sql: "'; DROP TABLE users; --",
  bidi: 'Safe\u202Egnp.exe\u200B\u200Dname',
  long: 'L'.repeat(9_990) + '<b>end</b>',
};
let api: Record<string, string> = {};
const made: { routerId?: number; sessionId?: number } = {};
const dialogs: string[] = [];

async function adminPage(): Promise<Page> {
  const page = await browser.page();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(page, inject('adminEmail'), inject('adminPassword'));
  await page.waitForURL('**/dashboard');
  await page.goto('/peering/ixs');
  return page;
}

const originals: { tag: string; id: number; fields: Record<string, unknown> }[] = [];

/** Edits a PeeringDB object, remembering what it was: afterAll puts it back for the other files. */
async function edit(tag: string, id: number, fields: Record<string, unknown>) {
  const current = await fetch(`${inject('peeringDbUrl')}/${tag}/${id}`, { headers: { authorization: 'Api-Key test-key' } });
  const [row] = ((await current.json()) as { data: Record<string, unknown>[] }).data;
  originals.push({ tag, id, fields: Object.fromEntries(Object.keys(fields).map((k) => [k, row[k]])) });
  await editAsIs(tag, id, fields);
}

async function editAsIs(tag: string, id: number, fields: Record<string, unknown>) {
  const res = await fetch(control('edit'), { method: 'POST', body: JSON.stringify({ tag, id, fields }) });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Starts a PeeringDB sync and waits until LAB-IX has this name. */
async function syncUntilExchangeNamed(name: string) {
  const sync = await fetch(`${base()}/api/v1/peeringdb/sync`, { method: 'POST', headers: api, body: '{}' });
  expect(sync.status, await sync.clone().text()).toBe(202);
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await fetch(`${base()}/api/v1/exchanges/${LAB.labIxId}`, { headers: api });
    if (res.ok && ((await res.json()) as { name: string }).name === name) break;
    if (Date.now() > deadline) throw new Error(`LAB-IX was not named ${name} within 90 s of the sync`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Hostile names go into the PeeringDB test server and arrive through a real sync; sessions and routers through the API. */
beforeAll(async () => {
  const page = await adminPage();
  await page.goto('/account');
  await page.getByLabel('New token name').fill(`hostile-e2e-${Date.now()}`);
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())!.trim();
  await page.context().close();
  api = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const settings = await fetch(`${base()}/api/v1/settings`, {
    method: 'PATCH', headers: api, body: JSON.stringify({ asns: '65001', peeringdb: { url: inject('peeringDbUrl'), apiKey: 'test-key' } }),
  });
  expect(settings.status, await settings.clone().text()).toBe(200);

  const members = await fetch(`${inject('peeringDbUrl')}/netixlan?ix_id=${LAB.labIxId}&limit=0`, { headers: { authorization: 'Api-Key test-key' } });
  const netIds = ((await members.json()) as { data: { net_id: number }[] }).data
    .map((m) => m.net_id)
    .filter((id) => id !== LAB.localNetId && id !== LAB.peerNetId);
  await edit('ix', LAB.labIxId, { name: HOSTILE.ix, name_long: '<u>Lab</u> Exchange' });
  await edit('net', LAB.peerNetId, { name: HOSTILE.img });
  await edit('net', netIds[0], { name: HOSTILE.sql });
  await edit('net', netIds[1], { name: HOSTILE.bidi });
  await edit('net', netIds[2], { name: HOSTILE.long });

  await syncUntilExchangeNamed(HOSTILE.ix);

  const router = await fetch(`${base()}/api/v1/routers`, {
    method: 'POST', headers: api, body: JSON.stringify({ name: `<script>alert(1)</script> ${Date.now()}`, hostname: 'hostile.example.net', platform: 'frr', transport: 'none', localAsn: 65001 }),
  });
  expect(router.status, await router.clone().text()).toBe(201);
  made.routerId = ((await router.json()) as { id: number }).id;
  const session = await fetch(`${base()}/api/v1/sessions`, {
    method: 'POST', headers: api,
    body: JSON.stringify({ routerId: made.routerId, ixId: LAB.labIxId, peerAsn: LAB.peerAsn, peerIp: LAB.peerIpaddr4, description: HOSTILE.img, notes: `${HOSTILE.sql}\n${HOSTILE.bidi}` }),
  });
  expect(session.status, await session.clone().text()).toBe(201);
  made.sessionId = ((await session.json()) as { id: number }).id;
}, 180_000);

/** Leaves the shared server and PeeringDB as it found them: its session and router gone, the real names synced back. */
afterAll(async () => {
  for (const [kind, id] of [['sessions', made.sessionId], ['routers', made.routerId]] as const) {
    if (id) await fetch(`${base()}/api/v1/${kind}/${id}`, { method: 'DELETE', headers: api });
  }
  if (!originals.length) return;
  for (const { tag, id, fields } of originals.reverse()) await editAsIs(tag, id, fields);
  await syncUntilExchangeNamed(originals.find((o) => o.tag === 'ix')!.fields.name as string);
}, 120_000);

/** Nothing hostile became markup: no injected image, no script element made of the payload. */
async function expectInert(page: Page) {
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.trim() === 'alert(1)').length,
    bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'end').length,
    underline: [...document.querySelectorAll('u')].filter((u) => u.textContent === 'Lab').length,
  }));
  expect(injected).toEqual({ images: 0, scripts: 0, bold: 0, underline: 0 });
  expect(dialogs).toEqual([]);
}

describe('hostile names, notes and descriptions are shown as text, never run', () => {
  it('the IX list and the exchange page show the names literally, and a SQL fragment search finds its network', async () => {
    const page = await adminPage();
    await page.goto('/peering/ixs');
    await expect(page.getByText(HOSTILE.ix, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expectInert(page);

    await page.goto(`/peering/ixs/${LAB.labIxId}?tab=communications`);
    await page.waitForLoadState('networkidle');
    const text = await page.locator('body').innerText();
    for (const name of [HOSTILE.img, HOSTILE.sql, HOSTILE.bidi, HOSTILE.long]) expect(text).toContain(name);
    await expectInert(page);

    await page.goto(`/peering/ixs/${LAB.labIxId}?tab=communications&q=${encodeURIComponent("'; DROP TABLE")}`);
    await expect(page.getByText(HOSTILE.sql, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(HOSTILE.img, { exact: true }).count()).resolves.toBe(0);
    await expectInert(page);
  });

  it('sessions and routers show hostile descriptions, notes and names as text', async () => {
    const page = await adminPage();
    for (const path of ['/peering/sessions', `/peering/sessions/${made.sessionId}`, '/peering/routers', `/peering/routers/${made.routerId}`]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const text = await page.locator('body').innerText();
      expect(text, path).toContain('<script>alert(1)</script>');
      await expectInert(page);
    }
    await page.goto(`/peering/sessions/${made.sessionId}`);
    const text = await page.locator('body').innerText();
    for (const v of [HOSTILE.img, HOSTILE.sql, HOSTILE.bidi]) expect(text).toContain(v);
    await expectInert(page);
    const api1 = await (await fetch(`${base()}/api/v1/sessions/${made.sessionId}`, { headers: api })).json();
    expect(api1).toMatchObject({ description: HOSTILE.img, notes: `${HOSTILE.sql}\n${HOSTILE.bidi}` });
  });
});
