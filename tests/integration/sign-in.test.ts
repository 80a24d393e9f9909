import { describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { checkCredentials } from '@/lib/auth/credentials';
import * as password from '@/lib/auth/password';
import { throttleRules } from '@/lib/auth/throttle';
import { makeUser, PASSWORD } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

vi.mock('@/lib/auth/password', async (original) => {
  const real = await original<typeof import('@/lib/auth/password')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

useTestDatabase();

const free = throttleRules.attempt.freeFailures;
const attempt = (email: string, pass: string, address: string) =>
  checkCredentials({ email, password: pass }, address).then(
    () => 'signed_in',
    (err: { code: string }) => err.code,
  );

/** Moves every throttle row back in time, as if `ms` had passed. */
const letTimePass = (ms: number) =>
  db().execute(sql`update sign_in_throttles set window_started_at = window_started_at - ${ms} * interval '1 millisecond',
    locked_until = locked_until - ${ms} * interval '1 millisecond'`);

describe('signing in', () => {
  it('the right password signs in and carries the role and the session version', async () => {
    await makeUser('operator', 'op@example.test');
    await expect(checkCredentials({ email: 'OP@example.test', password: PASSWORD }, '192.0.2.1')).resolves.toMatchObject({ email: 'op@example.test', role: 'operator', sessionVersion: 0 });
  });

  it('a wrong password and an unknown account get the same answer', async () => {
    await makeUser('operator', 'op@example.test');
    expect(await attempt('op@example.test', 'wrong', '192.0.2.1')).toBe('invalid');
    expect(await attempt('nobody@example.test', 'wrong', '192.0.2.1')).toBe('invalid');
  });

  it('a megabyte password is refused before it reaches the password hash', async () => {
    await makeUser('operator', 'op@example.test');
    vi.mocked(password.verifyPassword).mockClear();
    expect(await attempt('op@example.test', 'x'.repeat(1_000_000), '192.0.2.1')).toBe('invalid');
    expect(password.verifyPassword).not.toHaveBeenCalled();
  });

  it(`50 parallel wrong guesses verify at most ${free} passwords`, async () => {
    await makeUser('global_admin', 'admin@example.test');
    vi.mocked(password.verifyPassword).mockClear();
    const results = await Promise.all(Array.from({ length: 50 }, () => attempt('admin@example.test', 'guess', '198.51.100.66')));
    expect(password.verifyPassword).toHaveBeenCalledTimes(free);
    expect(results.filter((r) => r === 'invalid')).toHaveLength(free);
    expect(results.filter((r) => r === 'rate_limited')).toHaveLength(50 - free);
  });

  it('a guesser from another address cannot lock the admin out', async () => {
    await makeUser('global_admin', 'admin@example.test');
    for (let i = 0; i < 3 * free; i++) await attempt('admin@example.test', 'guess', '198.51.100.66');
    expect(await attempt('admin@example.test', 'guess', '198.51.100.66')).toBe('rate_limited');
    expect(await attempt('admin@example.test', PASSWORD, '192.0.2.1')).toBe('signed_in');
  });

  it(`after ${free} failures an account + address waits, longer after each further failure`, async () => {
    await makeUser('viewer', 'v@example.test');
    const { firstDelayMs } = throttleRules.attempt;
    for (let i = 0; i < free; i++) expect(await attempt('v@example.test', 'guess', '198.51.100.1')).toBe('invalid');
    expect(await attempt('v@example.test', PASSWORD, '198.51.100.1')).toBe('rate_limited');
    await letTimePass(firstDelayMs + 1000);
    expect(await attempt('v@example.test', 'guess', '198.51.100.1')).toBe('invalid');
    // The next wait is twice as long: the first delay is no longer enough.
    await letTimePass(firstDelayMs + 1000);
    expect(await attempt('v@example.test', PASSWORD, '198.51.100.1')).toBe('rate_limited');
    await letTimePass(firstDelayMs);
    expect(await attempt('v@example.test', PASSWORD, '198.51.100.1')).toBe('signed_in');
  });

  it(`one address failing on many accounts is stopped after ${throttleRules.address.failures} failures`, async () => {
    await makeUser('viewer', 'v@example.test');
    for (let i = 0; i < throttleRules.address.failures; i++) {
      expect(await attempt(`guess${i}@example.test`, 'x', '198.51.100.7')).toBe('invalid');
    }
    expect(await attempt('v@example.test', PASSWORD, '198.51.100.7')).toBe('rate_limited');
    expect(await attempt('v@example.test', PASSWORD, '198.51.100.8')).toBe('signed_in');
    await letTimePass(throttleRules.address.windowMs);
    expect(await attempt('v@example.test', PASSWORD, '198.51.100.7')).toBe('signed_in');
  });

  it('a successful sign-in clears the failures of that account + address', async () => {
    await makeUser('viewer', 'v@example.test');
    for (let i = 0; i < free - 1; i++) expect(await attempt('v@example.test', 'guess', '192.0.2.1')).toBe('invalid');
    expect(await attempt('v@example.test', PASSWORD, '192.0.2.1')).toBe('signed_in');
    for (let i = 0; i < free - 1; i++) expect(await attempt('v@example.test', 'guess', '192.0.2.1')).toBe('invalid');
    expect(await attempt('v@example.test', PASSWORD, '192.0.2.1')).toBe('signed_in');
  });

  it('a day later, the traces of guesses at made-up accounts are gone', async () => {
    await makeUser('viewer', 'v@example.test');
    for (let i = 0; i < 3; i++) await attempt(`made-up-${i}@example.test`, 'x', '198.51.100.9');
    await letTimePass(throttleRules.attempt.forgetMs + 1000);
    expect(await attempt('v@example.test', PASSWORD, '192.0.2.1')).toBe('signed_in');
    const rows = await db().execute(sql`select key from sign_in_throttles`);
    expect(JSON.stringify(rows)).not.toContain('made-up');
  });

  it('a disabled account is told so only with the right password', async () => {
    await makeUser('viewer', 'v@example.test', { disabled: true });
    expect(await attempt('v@example.test', 'guess', '192.0.2.1')).toBe('invalid');
    expect(await attempt('v@example.test', PASSWORD, '192.0.2.1')).toBe('disabled');
  });
});
