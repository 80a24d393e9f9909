import { describe, expect, inject, it } from 'vitest';
import { signIn, useBrowser } from './browser';

const browser = useBrowser();
const base = () => inject('baseUrl');

/** One password sign-in over HTTP, as the login form's next-auth call does; answers the refusal code or 'signed_in'. */
async function signInOverHttp(email: string, password: string, forwardedFor: string) {
  const csrf = await fetch(`${base()}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(`${base()}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': forwardedFor },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: base() }),
  });
  const location = new URL(res.headers.get('location') ?? '', base());
  return location.searchParams.get('code') ?? (location.searchParams.get('error') ? 'error' : 'signed_in');
}

describe('sign-in throttling and body limits on the running server', () => {
  it('changing one’s password signs out every browser, this one too; the new password signs in', async () => {
    const user = { email: `pw-${Date.now()}@e2e.test`, password: 'first-password-1', next: 'second-password-2' };
    const admin = await browser.page();
    await signIn(admin, inject('adminEmail'), inject('adminPassword'));
    await admin.waitForURL('**/dashboard');
    await admin.goto('/admin/users');
    await admin.getByLabel('Email', { exact: true }).fill(user.email);
    await admin.getByLabel('Initial password').fill(user.password);
    await admin.getByLabel('Role', { exact: true }).selectOption('operator');
    await admin.getByRole('button', { name: 'Create user' }).click();
    await admin.getByTestId(`user-${user.email}`).waitFor();

    const [here, elsewhere] = [await browser.page(), await browser.page()];
    for (const page of [here, elsewhere]) {
      await signIn(page, user.email, user.password);
      await page.waitForURL('**/dashboard');
    }
    await here.goto('/account');
    await here.getByLabel('Current password').fill(user.password);
    await here.getByLabel('New password').fill(user.next);
    await here.getByRole('button', { name: 'Change password' }).click();
    await here.waitForURL('**/login?passwordChanged=1');
    await here.getByText('Password changed: every session was signed out.').waitFor();

    await elsewhere.goto('/peering/sessions');
    await elsewhere.waitForURL('**/login**');
    await signIn(here, user.email, user.next);
    await here.waitForURL('**/dashboard');
  });

  it('a forged X-Forwarded-For buys no fresh tries: every guess counts against the connecting address', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(await signInOverHttp('nobody@e2e.test', 'wrong-guess', `203.0.113.${i}`));
    expect(codes).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'rate_limited']);
    // The account's owner, elsewhere, is not locked out by it.
    expect(await signInOverHttp(inject('adminEmail'), inject('adminPassword'), '198.51.100.1')).toBe('signed_in');
  });

  it('Data import takes a configuration over 1 MB from the page; 26 MB is the most', async () => {
    const page = await browser.page();
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await page.waitForURL('**/dashboard');
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const post = (body: string) =>
      fetch(`${base()}/admin/import/submit?routerId=999999&source=text&dryRun=1`, {
        method: 'POST',
        headers: { cookie, origin: base(), 'content-type': 'text/plain;charset=utf-8' },
        body,
      });
    const config = `router bgp 64500\n${' neighbor 192.0.2.1 remote-as 64501\n'.repeat(40_000)}`;
    expect(config.length).toBeGreaterThan(1_000_000);
    // The 1.4 MB body reached the service, which answers about the router.
    const read = await post(config);
    expect(read.status).toBe(400);
    expect(await read.json()).toMatchObject({ ok: false, error: { fields: { routerId: 'There is no such router' } } });
    const tooBig = await post(' '.repeat(26_000_001));
    expect(tooBig.status).toBe(413);
  });
});
