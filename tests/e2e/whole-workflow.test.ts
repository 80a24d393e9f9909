import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LAB } from '@/tools/peeringdb-test-server/lab-overlay';
import { signIn, useBrowser } from './browser';

/**
 * A coordinator's day in a real browser, against the real BGP lab (FRR over SSH) and the real mail
 * lab (Dovecot + SMTP relay): settings -> sync -> router + peer group -> request by email -> reply
 * tied by thread -> approved -> Configure Multiple Sessions -> Schedule -> run from the Scheduler ->
 * Established on the lab router -> the exchange counts change. Then a viewer and an operator.
 */
const needed = ['LAB_SSH_PORT', 'LAB_SSH_KEY', 'LAB_FRR_VTY_SOCKET', 'LAB_FRR_CONFIG_DIR', 'MAIL_LAB_IMAP_PORT', 'MAIL_LAB_SMTP_PORT'];
const missing = needed.filter((name) => !process.env[name]);
const env = (name: string) => process.env[name]!;

const browser = useBrowser();
const base = () => inject('baseUrl');
const shots = path.resolve(import.meta.dirname, '../../docs/screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
const peerIp = LAB.peerIpaddr4;
const us = 'peering@example.test';
const peerMailbox = LAB.peerPolicyEmail; // noc@peer.test, the lab mailbox of the peer
const mailPassword = () => process.env.MAIL_LAB_PASSWORD ?? 'secret';
let admin: Record<string, string> = {};
const made: { jobId?: number; sessionId?: number; subject?: string } = {};

function vtysh(...commands: string[]) {
  const args = ['--vty_socket', env('LAB_FRR_VTY_SOCKET'), '--config_dir', env('LAB_FRR_CONFIG_DIR'), ...commands.flatMap((c) => ['-c', c])];
  return execFileSync('vtysh', args, { encoding: 'utf8' });
}
const frrState = () => {
  const json = JSON.parse(vtysh(`show bgp neighbors ${peerIp} json`)) as Record<string, { bgpState?: string }>;
  return json[peerIp]?.bgpState ?? 'absent';
};

async function labIxCounts(page: Page) {
  await page.goto('/peering/ixs');
  const row = page.getByTestId(`exchange-${LAB.labIxId}`);
  await row.waitFor();
  return (await row.getByRole('cell').allTextContents()).slice(3).map(Number); // current peers, unapproved peers, sessions
}

async function api(method: string, route: string, body?: unknown, headers = admin) {
  const res = await fetch(`${base()}/api/v1${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> };
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

async function imap(user: string) {
  const client = new ImapFlow({ host: '127.0.0.1', port: Number(env('MAIL_LAB_IMAP_PORT')), secure: false, auth: { user, pass: mailPassword() }, logger: false });
  await client.connect();
  return client;
}

/** The Message-ID of the message with this subject in the user's folder, once it has arrived. */
async function findMessage(user: string, folder: string, subject: string) {
  const client = await imap(user);
  try {
    const lock = await client.getMailboxLock(folder);
    try {
      const uids = (await client.search({ subject }, { uid: true })) || [];
      if (!uids.length) return null;
      const message = await client.fetchOne(String(uids.at(-1)), { envelope: true }, { uid: true });
      return message ? message.envelope?.messageId ?? null : null;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

async function signedIn(email: string, password: string) {
  const page = await browser.page();
  await signIn(page, email, password);
  await page.waitForURL('**/dashboard');
  await page.goto('/peering/ixs');
  return page;
}

async function makeUser(role: 'viewer' | 'operator') {
  const email = `${role}-journey-${Date.now()}@e2e.test`;
  const password = `${role}-journey-password`;
  const created = await api('POST', '/users', { email, role, password });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const token = await (async () => {
    const page = await signedIn(email, password);
    await page.goto('/account');
    await page.getByLabel('New token name').fill(`${role}-journey`);
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('new-token').textContent())!.trim();
    await page.context().close();
    return secret;
  })();
  return { email, password, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } };
}

describe.skipIf(missing.length)(`a coordinator's day, end to end${missing.length ? ` (needs the BGP and mail labs: ${missing.join(', ')} unset)` : ''}`, () => {
  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    const page = await signedIn(inject('adminEmail'), inject('adminPassword'));
    await page.goto('/account');
    await page.getByLabel('New token name').fill(`journey-${Date.now()}`);
    await page.getByRole('button', { name: 'Create token' }).click();
    admin = { authorization: `Bearer ${(await page.getByTestId('new-token').textContent())!.trim()}`, 'content-type': 'application/json' };
    await page.context().close();
    // The lab's r1 starts with AS65002 already configured by hand: take it away, so that what
    // comes up at the end was put there by Peerdesk.
    vtysh('configure terminal', 'router bgp 65001', `no neighbor ${peerIp}`);
    expect(frrState()).toBe('absent');
  }, 120_000);

  afterAll(() => {
    // Leave the lab router as the lab script made it (the lab tests read this neighbor).
    vtysh('configure terminal', 'router bgp 65001', `no neighbor ${peerIp}`);
    vtysh('configure terminal', 'router bgp 65001', `neighbor ${peerIp} remote-as 65002`, `neighbor ${peerIp} peer-group IXP`,
      `neighbor ${peerIp} description AS65002 existing`, `neighbor ${peerIp} password s3cr3t`, 'address-family ipv4 unicast',
      `neighbor ${peerIp} activate`, `neighbor ${peerIp} maximum-prefix 100`, `neighbor ${peerIp} route-map RM-IN in`, `neighbor ${peerIp} route-map RM-OUT out`);
  });

  it('the Global Admin: settings, sync, router, request, reply, approval, sessions scheduled and Established, counts', async () => {
    const page = await signedIn(inject('adminEmail'), inject('adminPassword'));

    // Peering settings: our ASN and the PeeringDB account; Test succeeds.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.waitForURL('**/peering/settings');
    await page.getByLabel('Local ASNs').fill('65001');
    await page.getByLabel('PeeringDB URL').fill(inject('peeringDbUrl'));
    await page.getByLabel('API key').fill('test-key');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(page.getByTestId('pdb-test-result').textContent()).resolves.toContain('it was accepted');

    // Sync, with its progress shown until it is up to date.
    await page.goto('/peering/ixs');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('sync-progress').or(page.getByText('up to date')).first().waitFor();
    await page.getByText('up to date').waitFor({ timeout: 60_000 });
    const before = await labIxCounts(page);
    expect(before[0]).toBe(0); // no current peer at LAB-IX yet (this journey approves the first)
    expect(before[1]).toBeGreaterThan(1);
    await shot(page, 'ixs');

    // The lab's FRR over SSH, its peer group IXP at LAB-IX, and Test connection.
    await page.goto('/peering/routers/new');
    await page.getByLabel('Name', { exact: true }).fill('lab-r1');
    await page.getByLabel('Hostname', { exact: true }).fill('127.0.0.1');
    await page.getByLabel('Platform', { exact: true }).selectOption({ label: 'FRRouting' });
    await page.getByLabel('Transport', { exact: true }).selectOption({ label: 'SSH' });
    await page.getByLabel('SSH port', { exact: true }).fill(env('LAB_SSH_PORT'));
    await page.getByLabel('SSH user', { exact: true }).fill(process.env.LAB_SSH_USER ?? 'root');
    await page.getByLabel('Private key', { exact: true }).fill(fs.readFileSync(env('LAB_SSH_KEY'), 'utf8'));
    await page.getByLabel('Control command', { exact: true }).fill(`vtysh --vty_socket ${env('LAB_FRR_VTY_SOCKET')} --config_dir ${env('LAB_FRR_CONFIG_DIR')}`);
    await page.getByRole('button', { name: 'Add router' }).click();
    await page.waitForURL(/\/peering\/routers\/\d+$/);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const outcome = page.getByTestId('router-test-result');
    await outcome.waitFor({ timeout: 30_000 });
    expect(await outcome.getAttribute('role'), (await outcome.textContent()) ?? '').not.toBe('alert');
    const addGroup = page.getByRole('heading', { name: 'Add group' }).locator('..');
    await addGroup.getByLabel('Exchange').selectOption({ label: 'LAB-IX' });
    await addGroup.getByLabel('Name').fill('IXP');
    await addGroup.getByLabel('Address family').selectOption({ label: 'IPv4' });
    await addGroup.getByRole('button', { name: 'Add group' }).click();
    await page.getByTestId('peer-group-IXP-4').waitFor();
    await page.goto('/peering/routers');
    await shot(page, 'routers');

    // The peering mailbox: the lab's accounts, both tested.
    await page.goto('/peering/emails/settings');
    for (const [kind, port] of [['smtp', env('MAIL_LAB_SMTP_PORT')], ['imap', env('MAIL_LAB_IMAP_PORT')]] as const) {
      await page.locator(`#${kind}-host`).fill('127.0.0.1');
      await page.locator(`#${kind}-port`).fill(port);
      await page.locator(`#${kind}-tls`).selectOption('none');
      await page.locator(`#${kind}-user`).fill(us);
      await page.locator(`#${kind}-password`).fill(mailPassword());
    }
    await page.locator('#from-address').fill(us);
    await page.getByRole('button', { name: 'Save mail settings' }).click();
    await page.getByText('Mail settings saved.', { exact: false }).waitFor();
    for (const kind of ['smtp', 'imap']) {
      await page.getByRole('button', { name: `Test ${kind.toUpperCase()}` }).click();
      const result = page.getByTestId(`${kind}-test-result`);
      await result.waitFor({ timeout: 20_000 });
      expect(await result.getAttribute('role'), (await result.textContent()) ?? '').toBe('status');
    }

    // Open the peer from the exchange's Communications tab, and Send Request.
    await page.goto(`/peering/ixs/${LAB.labIxId}`);
    await shot(page, 'exchange');
    await page.goto(`/peering/peers/${LAB.peerAsn}`);
    const status = page.getByTestId(`status-${LAB.labIxId}-${LAB.localAsn}`);
    await status.waitFor();
    expect(await status.textContent()).toContain('New');
    await status.getByRole('link', { name: 'Send Request' }).click();
    await page.waitForURL('**/peering/requests/new?*');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe(peerMailbox);
    const subject = `${await page.getByLabel('Subject', { exact: true }).inputValue()} [journey ${Date.now()}]`;
    made.subject = subject;
    await page.getByLabel('Subject', { exact: true }).fill(subject);
    expect(await page.getByLabel('Message', { exact: true }).inputValue()).toContain(peerIp.split('.').slice(0, 3).join('.'));
    await shot(page, 'request');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText(`Sent to ${peerMailbox}.`).waitFor({ timeout: 30_000 });

    // It arrives in the peer's mailbox (and our Sent); the peer replies in the same thread.
    const requestId = await until('the request in the peer mailbox', () => findMessage(peerMailbox, 'INBOX', subject));
    expect(await findMessage(us, 'Sent', subject)).toBe(requestId);
    const relay = nodemailer.createTransport({ host: '127.0.0.1', port: Number(env('MAIL_LAB_SMTP_PORT')), secure: false, ignoreTLS: true, auth: { user: peerMailbox, pass: mailPassword() } });
    await relay.sendMail({
      from: `Lab Peer NOC <${peerMailbox}>`,
      to: us,
      subject: `Re: ${subject}`,
      inReplyTo: requestId,
      references: [requestId],
      text: 'Hello, happy to peer at LAB-IX. Our side is ready, MD5 s3cr3t.',
    });

    // Emails: Sync now; the reply is tied to AS65002 by its thread.
    await page.goto('/peering/emails');
    await page.getByRole('button', { name: 'Sync now' }).click();
    const reply = await until('the reply in Emails', async () => {
      await page.goto(`/peering/emails?${new URLSearchParams({ q: `Re: ${subject}`, view: 'flat' })}`);
      const row = page.locator('[data-testid^="email-"]').filter({ hasText: `Re: ${subject}` });
      return (await row.count()) ? row.first() : null;
    });
    expect(await reply.textContent()).toContain('tied by thread');
    await shot(page, 'emails');
    await reply.getByRole('link', { name: `Re: ${subject}` }).click();
    await page.getByTestId('email-peer').getByText(`AS${LAB.peerAsn}`).first().waitFor();
    await shot(page, 'email');

    // Back on the peer: Request Sent -> Mark Approved.
    await page.goto(`/peering/peers/${LAB.peerAsn}`);
    expect(await status.textContent()).toContain('Request Sent');
    await status.getByRole('button', { name: 'Mark Approved' }).click();
    await until('Approved', async () => (await status.textContent())?.includes('Approved'));
    await shot(page, 'peer');

    // Configure Multiple Sessions: LAB-IX over IPv4 on lab-r1 / IXP, scheduled.
    await page.getByRole('link', { name: 'Configure Multiple Sessions' }).click();
    await page.waitForURL(`**/peering/peers/${LAB.peerAsn}/configure`);
    await page.getByLabel('LAB-IX IPv4', { exact: true }).check();
    expect(await page.getByLabel('Router for LAB-IX IPv4').locator('option:checked').textContent()).toBe('lab-r1');
    expect(await page.getByLabel('Peer group for LAB-IX IPv4').locator('option:checked').textContent()).toContain('IXP');
    await page.getByRole('radio', { name: 'Schedule at' }).check();
    await shot(page, 'configure-multiple');
    await page.getByRole('button', { name: 'Schedule (1)' }).click();
    const result = page.getByRole('status').filter({ hasText: 'session created' });
    await result.waitFor();
    expect(await result.textContent()).toContain('Scheduled');
    made.jobId = Number((await result.getByRole('link', { name: /^job #/ }).textContent())!.replace('job #', ''));
    const sessionLink = result.getByRole('link', { name: new RegExp(peerIp.replaceAll('.', '\\.')) });
    made.sessionId = Number((await sessionLink.getAttribute('href'))!.split('/').pop());

    // The peer gave us their MD5 key: set it on the scheduled session before the job runs.
    await page.goto(`/peering/sessions/${made.sessionId}`);
    expect(await page.getByTestId('fact-config-status').textContent()).toBe('Scheduled');
    await page.getByLabel('MD5 password', { exact: true }).fill('s3cr3t');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await until('the MD5 key saved', async () => (await page.getByTestId('fact-md5-password').textContent()) === 'set');
    expect(frrState()).toBe('absent');

    // The Scheduler: run the job now; it succeeds.
    await page.goto(`/scheduler/${made.jobId}`);
    await page.getByRole('button', { name: 'Run now' }).click();
    await until('the job to succeed', async () => {
      await page.reload();
      const text = (await page.locator('body').textContent()) ?? '';
      if (text.includes('Failed')) throw new Error(`the configure job failed: ${text.slice(0, 2000)}`);
      return text.includes('Succeeded');
    }, 90_000);
    expect(await page.getByTestId(`job-session-${made.sessionId}`).textContent()).toContain('Configured');
    await shot(page, 'scheduler');

    // Configured, and Established on the lab router.
    await until('Established on lab-r1', async () => frrState() === 'Established', 30_000);
    await page.goto(`/peering/sessions/${made.sessionId}`);
    expect(await page.getByTestId('fact-config-status').textContent()).toBe('Configured');
    await until('Established on the session page', async () => {
      await page.reload();
      return (await page.getByTestId('fact-bgp-state').textContent())?.includes('Established');
    }, 30_000);
    expect(await page.content()).not.toContain('s3cr3t');
    await shot(page, 'session');
    // Config Manager: add a description for this one push, see the diff against the router, push it.
    await page.goto(`/peering/sessions/${made.sessionId}/configure`);
    const text = page.getByLabel('Configuration text');
    const rendered = await text.inputValue();
    expect(rendered).toContain(`neighbor ${peerIp} password ********`);
    const note = `neighbor ${peerIp} description approved-by-journey`;
    await text.fill(rendered.replace(`neighbor ${peerIp} peer-group IXP`, `neighbor ${peerIp} peer-group IXP\n ${note}`));
    await page.getByRole('button', { name: 'Load running config & diff' }).click();
    const diff = page.getByRole('heading', { name: 'Diff' }).locator('..').locator('pre');
    await diff.waitFor({ timeout: 30_000 });
    expect(await diff.textContent()).toContain(`+ ${note}`);
    await shot(page, 'config-manager');
    await page.getByRole('button', { name: 'Push now' }).click();
    await page.waitForURL(`**/peering/sessions/${made.sessionId}`);
    await until('the edited push on lab-r1', async () => vtysh('show running-config').includes(note), 60_000);
    await until('Configured again', async () => {
      await page.reload();
      return (await page.getByTestId('fact-config-status').textContent()) === 'Configured';
    }, 60_000);
    expect(await page.getByRole('row').filter({ hasText: 'configure' }).count()).toBe(2); // two pushes in the history
    expect(await page.content()).not.toContain('s3cr3t');
    await page.goto('/peering/sessions');
    await shot(page, 'sessions');
    await page.goto('/peering/peers');
    await shot(page, 'peers');
    await page.goto('/peering/templates');
    await shot(page, 'templates');

    // The exchange list: one current peer more, one unapproved fewer, one session.
    expect(await labIxCounts(page)).toEqual([before[0] + 1, before[1] - 1, before[2] + 1]);
    await page.context().close();
  }, 300_000);

  it('a viewer sees the same day but is refused at each step, in the pages and by the server', async () => {
    const viewer = await makeUser('viewer');
    const page = await signedIn(viewer.email, viewer.password);
    await page.goto('/peering/settings');
    await page.getByRole('alert').filter({ hasText: "You don't have access" }).waitFor();
    await page.goto('/peering/ixs');
    expect(await page.getByRole('button', { name: 'Sync now' }).count()).toBe(0);
    await page.goto('/peering/routers');
    expect(await page.getByRole('link', { name: 'Add router' }).count()).toBe(0);
    await page.goto(`/peering/peers/${LAB.peerAsn}`);
    await page.getByTestId(`status-${LAB.labIxId}-${LAB.localAsn}`).waitFor();
    expect(await page.getByRole('button', { name: /^Mark / }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Configure Multiple Sessions' }).count()).toBe(0);
    const nav = page.getByRole('navigation', { name: 'Section' });
    expect(await nav.getByRole('link', { name: 'Emails', exact: true }).count()).toBe(0);
    await page.goto('/peering/emails');
    await page.getByRole('alert').filter({ hasText: "You don't have access" }).waitFor();
    await page.goto(`/scheduler/${made.jobId}`);
    await page.getByRole('heading', { name: new RegExp(`^Job #${made.jobId}`) }).waitFor();
    expect(await page.getByRole('button', { name: 'Run now' }).count()).toBe(0);
    await page.context().close();

    // Hidden buttons are not the protection: the server refuses every step.
    const h = viewer.headers;
    const refused = [
      await api('PATCH', '/settings', { asns: [65001] }, h),
      await api('POST', '/peeringdb/sync', {}, h),
      await api('POST', '/routers', { name: 'x', hostname: 'x', platform: 'frr', localAsn: 65001 }, h),
      await api('POST', `/peers/${LAB.peerAsn}/requests`, { exchangeIds: [LAB.labIxId] }, h),
      await api('POST', `/peers/${LAB.peerAsn}/status`, { exchangeId: LAB.labIxId, action: 'reset' }, h),
      await api('POST', `/peers/${LAB.peerAsn}/sessions`, { items: [], mode: 'now' }, h),
      await api('POST', `/jobs/${made.jobId}/run`, undefined, h),
      await api('POST', `/sessions/${made.sessionId}/configure`, { mode: 'now' }, h),
    ];
    expect(refused.map((r) => r.status)).toEqual(refused.map(() => 403));
    expect((await api('GET', '/emails', undefined, h)).status).toBe(403);
    expect((await api('GET', `/peers/${LAB.peerAsn}`, undefined, h)).status).toBe(200);
  }, 120_000);

  it('an operator works the peers and sessions but has no Emails tab', async () => {
    const operator = await makeUser('operator');
    const page = await signedIn(operator.email, operator.password);
    const nav = page.getByRole('navigation', { name: 'Section' });
    await nav.getByRole('link', { name: 'Peers', exact: true }).waitFor();
    expect(await nav.getByRole('link', { name: 'Emails', exact: true }).count()).toBe(0);
    await page.goto('/peering/emails');
    await page.getByRole('alert').filter({ hasText: "You don't have access" }).waitFor();
    expect((await api('GET', '/emails', undefined, operator.headers)).status).toBe(403);
    await page.goto(`/peering/peers/${LAB.peerAsn}`);
    await page.getByRole('link', { name: 'Configure Multiple Sessions' }).waitFor();
    await page.getByTestId(`status-${LAB.labIxId}-${LAB.localAsn}`).getByRole('button', { name: 'Reset Status' }).waitFor();
    await page.goto('/scheduler');
    await page.getByRole('link', { name: `#${made.jobId}` }).or(page.getByText(`#${made.jobId}`)).first().waitFor();
    await page.context().close();
  }, 120_000);
});
