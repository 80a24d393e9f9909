import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { createUser, updateUser } from '@/lib/users/service';
import { checkCredentials } from '@/lib/auth/credentials';
import { makeUser, PASSWORD } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const newViewer = { email: 'New.Viewer@Example.TEST ', role: 'viewer', password: 'a-long-password' };

describe('managing users', () => {
  it('a Global Admin creates a viewer who can then sign in, and the audit log says who did it', async () => {
    const admin = await makeUser('global_admin');
    const result = await createUser(admin, newViewer);
    expect(result).toMatchObject({ ok: true, data: { email: 'new.viewer@example.test', role: 'viewer' } });
    expect(JSON.stringify(result)).not.toContain('password');

    const signedIn = await checkCredentials({ email: 'new.viewer@example.test', password: 'a-long-password' }, '192.0.2.1');
    expect(signedIn.role).toBe('viewer');

    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'user.create'));
    expect(entry).toMatchObject({ actorLabel: admin.email, via: 'web', succeeded: true });
    expect(JSON.stringify(entry.details)).not.toContain('a-long-password');
  });

  it('bad input comes back as field errors and nothing is written', async () => {
    const admin = await makeUser('global_admin');
    const result = await createUser(admin, { email: 'not-an-email', role: 'superuser', password: 'short' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.fields).toMatchObject({ email: 'Enter a valid email address', role: 'Choose a role', password: 'At least 10 characters' });
    expect(await db().select().from(users)).toHaveLength(1);
  });

  it('a second user with the same email is refused next to the email field', async () => {
    const admin = await makeUser('global_admin');
    await createUser(admin, newViewer);
    const again = await createUser(admin, { ...newViewer, email: 'NEW.VIEWER@example.test' });
    expect(again).toMatchObject({ ok: false, error: { code: 'validation', fields: { email: 'A user with this email already exists' } } });
  });

  it.each(['admin', 'operator', 'viewer'] as const)('a %s may not create users, and the refusal is audited', async (role) => {
    const actor = await makeUser(role);
    const result = await createUser(actor, newViewer);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await db().select().from(users).where(eq(users.email, 'new.viewer@example.test'))).toHaveLength(0);
    const [entry] = await db().select().from(auditLog);
    expect(entry).toMatchObject({ action: 'user.create', succeeded: false, actorLabel: actor.email });
  });

  it('nobody signed in may change anything', async () => {
    expect(await createUser(null, newViewer)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('the last active Global Admin cannot be demoted or disabled', async () => {
    const admin = await makeUser('global_admin');
    const other = await makeUser('global_admin', 'other@example.test');
    expect(await updateUser(other, { id: admin.id, role: 'viewer' })).toMatchObject({ ok: true });
    const demoteLast = await updateUser(other, { id: other.id, role: 'admin' });
    expect(demoteLast).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const [row] = await db().select().from(users).where(eq(users.id, other.id!));
    expect(row.role).toBe('global_admin');
  });

  it('a disabled user can no longer sign in; enabling them again lets them back', async () => {
    const admin = await makeUser('global_admin');
    const operator = await makeUser('operator');
    expect(await updateUser(admin, { id: operator.id, disabled: true })).toMatchObject({
      ok: true,
      data: { disabledAt: expect.any(Date) },
    });
    await expect(checkCredentials({ email: operator.email, password: PASSWORD }, '192.0.2.1')).rejects.toMatchObject({ code: 'disabled' });
    await updateUser(admin, { id: operator.id, disabled: false });
    await expect(checkCredentials({ email: operator.email, password: PASSWORD }, '192.0.2.1')).resolves.toMatchObject({ role: 'operator' });
  });

  it('a password reset replaces the old password in the same change as the role', async () => {
    const admin = await makeUser('global_admin');
    const operator = await makeUser('operator');
    const result = await updateUser(admin, { id: operator.id, role: 'admin', password: 'brand-new-password' });
    expect(result).toMatchObject({ ok: true, data: { role: 'admin' } });
    await expect(checkCredentials({ email: operator.email, password: PASSWORD }, '192.0.2.1')).rejects.toMatchObject({ code: 'invalid' });
    await expect(checkCredentials({ email: operator.email, password: 'brand-new-password' }, '192.0.2.1')).resolves.toMatchObject({ role: 'admin' });
  });

  it('a rejected password leaves the role unchanged too (one transaction)', async () => {
    const admin = await makeUser('global_admin');
    const operator = await makeUser('operator');
    const result = await updateUser(admin, { id: operator.id, role: 'admin', password: 'short' });
    expect(result).toMatchObject({ ok: false, error: { fields: { password: 'At least 10 characters' } } });
    const [row] = await db().select().from(users).where(eq(users.id, operator.id!));
    expect(row.role).toBe('operator');
  });
});
