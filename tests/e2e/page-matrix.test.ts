import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '@/db/schema';
import { can, roles, type Permission } from '@/lib/auth/permissions';
import { LAB } from '@/tools/peeringdb-test-server/lab-overlay';
import { appPages } from '../support/app-files';
import { signIn, useBrowser } from './browser';

/**
 * Every page of the app, for every role and signed out, asked for as a browser's first load (HTML)
 * and as a client navigation (RSC flight data): a role the page is not for gets 403 and none of the
 * data planted for the pages (the audit log and Global Admin lists included); a role it is for gets
 * the page with its data. The pages are read from app/, so a new page fails here until it is listed.
 */
const browser = useBrowser();
const base = () => inject('baseUrl');
const run = Date.now().toString(36);
const marker = {
  user: `matrix-marker-user-${run}@e2e.test`,
  token: `matrix-marker-token-${run}`,
  router: `matrix-marker-router-${run}`,
  template: `matrix-marker-template-${run}`,
};
const fixture = { routerId: 0, sessionId: 0, templateId: 0, jobId: 0, email: undefined as { id: number; subject: string } | undefined };
const cookies = new Map<Role | 'signed out', string>();
let api: Record<string, string> = {};

/** `mayBeMissing`: the record may not exist in this server (404 for those the page is for), e.g. no mail synced. */
type Expect = {
  url: () => string;
  permission: Permission | null;
  marker?: () => string | undefined;
  redirects?: true;
  mayBeMissing?: () => boolean;
};

/** Route pattern -> the URL asked for (real ids from the fixture), who may see it, and data only they may see. */
const pages: Record<string, Expect> = {
  '/': { url: () => '/', permission: 'peering.read', redirects: true },
  '/login': { url: () => '/login', permission: null },
  '/account': { url: () => '/account', permission: 'account.own' },
  '/account/notifications': { url: () => '/account/notifications', permission: 'account.own' },
  '/dashboard': { url: () => '/dashboard', permission: 'peering.read' },
  '/admin': { url: () => '/admin', permission: 'admin.access', redirects: true },
  '/admin/audit': { url: () => '/admin/audit', permission: 'audit.read', marker: () => marker.user },
  '/admin/import': { url: () => '/admin/import', permission: 'import.run' },
  '/admin/sso': { url: () => '/admin/sso', permission: 'users.manage' },
  '/admin/tokens': { url: () => '/admin/tokens', permission: 'users.manage', marker: () => marker.token },
  '/admin/users': { url: () => '/admin/users', permission: 'users.manage', marker: () => marker.user },
  '/peering': { url: () => '/peering', permission: 'peering.read', redirects: true },
  '/peering/changes': { url: () => '/peering/changes', permission: 'peering.read' },
  '/peering/changes/[id]': { url: () => '/peering/changes/1', permission: 'peering.read', mayBeMissing: () => true },
  '/peering/emails': { url: () => '/peering/emails', permission: 'emails.read', marker: () => fixture.email?.subject },
  '/peering/emails/[id]': { url: () => `/peering/emails/${fixture.email?.id ?? 1}`, permission: 'emails.read', marker: () => fixture.email?.subject, mayBeMissing: () => !fixture.email },
  '/peering/emails/settings': { url: () => '/peering/emails/settings', permission: 'emails.manage' },
  '/peering/findings': { url: () => '/peering/findings', permission: 'peering.read' },
  '/peering/ixs': { url: () => '/peering/ixs', permission: 'peering.read', marker: () => 'LAB-IX' },
  '/peering/ixs/[id]': { url: () => `/peering/ixs/${LAB.labIxId}`, permission: 'peering.read', marker: () => 'LAB-IX' },
  '/peering/opportunities': { url: () => '/peering/opportunities', permission: 'peering.read' },
  '/peering/peers': { url: () => '/peering/peers', permission: 'peering.read' },
  '/peering/peers/[asn]': { url: () => `/peering/peers/${LAB.peerAsn}`, permission: 'peering.read', marker: () => 'Lab Peer Net' },
  '/peering/peers/[asn]/configure': { url: () => `/peering/peers/${LAB.peerAsn}/configure`, permission: 'sessions.configure' },
  '/peering/policies': { url: () => '/peering/policies', permission: 'peering.read' },
  '/peering/policies/[id]': { url: () => '/peering/policies/1', permission: 'policies.manage', mayBeMissing: () => true },
  '/peering/policies/new': { url: () => '/peering/policies/new', permission: 'policies.manage' },
  '/peering/requests': { url: () => '/peering/requests', permission: 'peering.read' },
  '/peering/requests/notices': { url: () => '/peering/requests/notices', permission: 'peers.manage' },
  '/peering/requests/new': { url: () => `/peering/requests/new?asn=${LAB.peerAsn}`, permission: 'peers.manage' },
  '/peering/routers': { url: () => '/peering/routers', permission: 'peering.read', marker: () => marker.router },
  '/peering/routers/[id]': { url: () => `/peering/routers/${fixture.routerId}`, permission: 'peering.read', marker: () => marker.router },
  '/peering/routers/new': { url: () => '/peering/routers/new', permission: 'routers.manage' },
  '/peering/sessions': { url: () => '/peering/sessions', permission: 'peering.read', marker: () => '192.0.2.77' },
  '/peering/sessions/[id]': { url: () => `/peering/sessions/${fixture.sessionId}`, permission: 'peering.read', marker: () => '192.0.2.77' },
  '/peering/sessions/[id]/configure': { url: () => `/peering/sessions/${fixture.sessionId}/configure`, permission: 'sessions.configure', marker: () => '192.0.2.77' },
  '/peering/sessions/[id]/routes': { url: () => `/peering/sessions/${fixture.sessionId}/routes`, permission: 'peering.read', marker: () => '192.0.2.77' },
  '/peering/sessions/new': { url: () => '/peering/sessions/new', permission: 'sessions.manage' },
  '/peering/settings': { url: () => '/peering/settings', permission: 'settings.manage' },
  '/peering/templates': { url: () => '/peering/templates', permission: 'peering.read', marker: () => marker.template },
  '/peering/templates/[id]': { url: () => `/peering/templates/${fixture.templateId}`, permission: 'peering.read', marker: () => marker.template },
  '/peering/templates/new': { url: () => '/peering/templates/new', permission: 'templates.manage' },
  '/scheduler': { url: () => '/scheduler', permission: 'peering.read' },
  '/scheduler/[id]': { url: () => `/scheduler/${fixture.jobId}`, permission: 'peering.read', marker: () => `#${fixture.jobId}` },
};

/** Data no forbidden answer may carry: planted by a Global Admin, shown only on pages some roles may not open. */
const secrets = () => [marker.user, marker.token, ...(fixture.email ? [fixture.email.subject] : [])];

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${base()}/api/v1${path}`, { method, headers: api, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

async function cookieOf(email: string, password: string) {
  const page = await browser.page();
  await signIn(page, email, password);
  await page.waitForURL('**/dashboard');
  const header = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await page.context().close();
  return header;
}

/** A client at the root page that navigates: the server sends every layout and the page of the target. */
const fromRoot = encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }]));

/** As the browser asks: a first load, or a client navigation (RSC), following only Next's own cache-busting redirect. */
async function get(url: string, who: Role | 'signed out', rsc: boolean) {
  const headers: Record<string, string> = { cookie: cookies.get(who) ?? '', ...(rsc && { RSC: '1', 'Next-Router-State-Tree': fromRoot }) };
  let res = await fetch(`${base()}${url}`, { headers, redirect: 'manual' });
  for (let hops = 0; rsc && res.status === 307 && res.headers.get('location')?.includes('_rsc=') && hops < 3; hops++) {
    res = await fetch(new URL(res.headers.get('location')!, base()), { headers, redirect: 'manual' });
  }
  return { status: res.status, location: res.headers.get('location') ?? '', body: await res.text() };
}

beforeAll(async () => {
  const adminPage = await browser.page();
  await signIn(adminPage, inject('adminEmail'), inject('adminPassword'));
  await adminPage.waitForURL('**/dashboard');
  await adminPage.goto('/account');
  await adminPage.getByLabel('New token name').fill(marker.token);
  await adminPage.getByRole('button', { name: 'Create token' }).click();
  const token = (await adminPage.getByTestId('new-token').textContent())!.trim();
  await adminPage.context().close();
  api = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  await call('PATCH', '/settings', { asns: '65001', peeringdb: { url: inject('peeringDbUrl'), apiKey: 'test-key' } });
  fixture.jobId = ((await call('POST', '/peeringdb/sync', {})) as { job: { id: number } }).job.id;
  for (const deadline = Date.now() + 60_000; ; ) {
    const exchanges = (await call('GET', '/exchanges?q=LAB-IX&limit=50')) as { data: { id: number }[] };
    if (exchanges.data.some((x) => x.id === LAB.labIxId)) break;
    if (Date.now() > deadline) throw new Error('LAB-IX was not listed within 60 s of the PeeringDB sync');
    await new Promise((r) => setTimeout(r, 500));
  }
  fixture.routerId = ((await call('POST', '/routers', { name: marker.router, hostname: 'matrix.test', platform: 'frr', transport: 'none', localAsn: 65001 })) as { id: number }).id;
  const session = await call('POST', '/sessions', { routerId: fixture.routerId, ixId: null, peerAsn: LAB.peerAsn, peerIp: '192.0.2.77', acknowledgeAddressMismatch: true });
  fixture.sessionId = (session as { id: number }).id;
  fixture.templateId = ((await call('POST', '/templates', { kind: 'config', platform: 'frr', name: marker.template, body: '! matrix' })) as { id: number }).id;
  const emails = (await call('GET', '/emails?limit=1')) as { data: { id: number; subject: string }[] };
  fixture.email = emails.data.find((e) => e.subject.length >= 8);

  cookies.set('global_admin', await cookieOf(inject('adminEmail'), inject('adminPassword')));
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    const email = `matrix-${role}-${run}@e2e.test`;
    await call('POST', '/users', { email, role, password: 'matrix-password-1' });
    cookies.set(role, await cookieOf(email, 'matrix-password-1'));
  }
  // Last, so that it is on the first page of the audit log.
  await call('POST', '/users', { email: marker.user, role: 'viewer', password: 'matrix-password-1' });
}, 180_000);

describe('every page, every role, plain and RSC', () => {
  it('the matrix lists exactly the pages in app/', () => {
    expect(Object.keys(pages).sort()).toEqual(appPages().map((p) => p.route).sort());
  });

  it.each(Object.entries(pages))('%s', async (route, page) => {
    const url = page.url();
    const want = page.marker?.();
    const askers = [...roles, 'signed out'] as const;
    const answers = await Promise.all(
      askers.flatMap((who) => [false, true].map(async (rsc) => ({ who, rsc, ...(await get(url, who, rsc)) }))),
    );
    for (const { who, rsc, status, location, body } of answers) {
      const label = `${who} ${rsc ? 'RSC' : 'HTML'} ${url}`;
      if (page.permission === null) {
        expect(status, label).toBe(200);
      } else if (who === 'signed out') {
        expect({ status, location }, label).toMatchObject({ status: 307, location: expect.stringContaining('/login') });
      } else if (!can(who, page.permission)) {
        if (!rsc) expect(status, label).toBe(403);
        expect(body, label).toContain('have access to');
      } else if (page.redirects) {
        expect([200, 303, 307], label).toContain(status);
      } else if (page.mayBeMissing?.()) {
        expect([200, 404], label).toContain(status);
      } else {
        expect(status, label).toBe(200);
        if (want) expect(body, label).toContain(want);
      }
      const mayRead = page.permission === null || (who !== 'signed out' && can(who, page.permission));
      if (!mayRead) for (const secret of [...secrets(), ...(want ? [want] : [])]) expect(body, `${label} must not carry ${secret}`).not.toContain(secret);
    }
  });
});
