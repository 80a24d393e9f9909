import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { signInWithOidc } from '@/lib/auth/oidc-accounts';
import { parseRoleMap } from '@/lib/auth/role-map';
import { passwordSignInAllowed, ssoSettings, updateSsoSettings } from '@/lib/auth/sso-settings';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const oidcEnv = { OIDC_ISSUER: 'https://sso.example.net/realms/netops', OIDC_CLIENT_ID: 'peerdesk', OIDC_CLIENT_SECRET: 'client-secret-value' };
const alice = (groups: string[]) => ({ subject: 'alice-sub', email: 'Alice@Example.net', name: 'Alice', groups });

describe('single sign-on accounts', () => {
  beforeEach(async () => {
    Object.assign(process.env, oidcEnv);
    const admin = await makeUser('global_admin', 'root@example.net');
    const saved = await updateSsoSettings(admin, { roleMap: [{ group: 'netops', role: 'admin' }, { group: 'noc', role: 'viewer' }], defaultRole: null });
    expect(saved.ok).toBe(true);
  });
  afterEach(() => {
    for (const k of [...Object.keys(oidcEnv), 'OIDC_ROLE_MAP']) delete process.env[k];
  });

  it('creates the person at the first sign-in with the role of their group', async () => {
    const outcome = await signInWithOidc(alice(['noc']));
    expect(outcome).toMatchObject({ ok: true, user: { email: 'alice@example.net', role: 'viewer' } });
    expect(await findUserByEmail(db(), 'alice@example.net')).toMatchObject({ oidcSubject: 'alice-sub', name: 'Alice', role: 'viewer' });
  });

  it('gives the most powerful role of several groups', async () => {
    expect(await signInWithOidc(alice(['noc', 'netops']))).toMatchObject({ ok: true, user: { role: 'admin' } });
  });

  it('refuses a person in no mapped group when there is no default role, and creates no account', async () => {
    expect(await signInWithOidc(alice(['finance']))).toEqual({ ok: false, refusal: 'no_role' });
    expect(await findUserByEmail(db(), 'alice@example.net')).toBeUndefined();
  });

  it('applies a role changed at the provider at the next sign-in and ends older sessions', async () => {
    const first = await signInWithOidc(alice(['noc']));
    const second = await signInWithOidc(alice(['netops']));
    expect(second).toMatchObject({ ok: true, user: { role: 'admin' } });
    if (!first.ok || !second.ok) throw new Error('sign-in refused');
    expect(second.user.id).toBe(first.user.id);
    expect(second.user.sessionVersion).toBeGreaterThan(first.user.sessionVersion);
  });

  it('takes over an account an admin created beforehand, by email', async () => {
    const existing = await makeUser('viewer', 'alice@example.net');
    expect(await signInWithOidc(alice(['netops']))).toMatchObject({ ok: true, user: { id: existing.id, role: 'admin' } });
  });

  it('refuses a disabled account', async () => {
    await makeUser('viewer', 'alice@example.net', { disabled: true });
    expect(await signInWithOidc(alice(['netops']))).toEqual({ ok: false, refusal: 'disabled' });
  });

  it('uses OIDC_ROLE_MAP over the saved mapping', async () => {
    process.env.OIDC_ROLE_MAP = 'finance=operator';
    expect((await ssoSettings()).roleMapFromEnv).toBe(true);
    expect(await signInWithOidc(alice(['finance']))).toMatchObject({ ok: true, user: { role: 'operator' } });
    expect(() => parseRoleMap('noc=superuser')).toThrow(/noc=superuser/);
  });
});

describe('break-glass password sign-in', () => {
  afterEach(() => {
    for (const k of Object.keys(oidcEnv)) delete process.env[k];
  });

  it('limits password sign-in to the break-glass Global Admin once single sign-on is on', async () => {
    const root = await makeUser('global_admin', 'breakglass@example.net');
    await makeUser('operator', 'ops@example.net');
    const saved = await updateSsoSettings(root, { passwordSignIn: 'break_glass_only', breakGlassEmail: 'breakglass@example.net' });
    expect(saved.ok).toBe(true);
    // Without an identity provider nobody is locked out.
    expect(await passwordSignInAllowed('ops@example.net')).toBe(true);
    Object.assign(process.env, oidcEnv);
    expect(await passwordSignInAllowed('ops@example.net')).toBe(false);
    expect(await passwordSignInAllowed('BreakGlass@example.net')).toBe(true);
  });

  it('will not name an account that is not an enabled Global Admin', async () => {
    const root = await makeUser('global_admin', 'root@example.net');
    await makeUser('admin', 'admin@example.net');
    const result = await updateSsoSettings(root, { passwordSignIn: 'break_glass_only', breakGlassEmail: 'admin@example.net' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { breakGlassEmail: 'Not an enabled Global Admin' } } });
  });

  it('is a Global Admin setting', async () => {
    const admin = await makeUser('admin');
    expect(await updateSsoSettings(admin, { passwordSignIn: 'everyone' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
