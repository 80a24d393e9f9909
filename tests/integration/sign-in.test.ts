import { describe, expect, it } from 'vitest';
import { checkCredentials } from '@/lib/auth/credentials';
import { throttleRules } from '@/lib/auth/throttle';
import { makeUser, PASSWORD } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

describe('signing in', () => {
  it('the right password signs in and carries the role', async () => {
    await makeUser('operator', 'op@example.test');
    await expect(checkCredentials({ email: 'OP@example.test', password: PASSWORD }, '192.0.2.1')).resolves.toMatchObject({ email: 'op@example.test', role: 'operator' });
  });

  it('a wrong password and an unknown account get the same answer', async () => {
    await makeUser('operator', 'op@example.test');
    await expect(checkCredentials({ email: 'op@example.test', password: 'wrong' }, '192.0.2.1')).rejects.toMatchObject({ code: 'invalid' });
    await expect(checkCredentials({ email: 'nobody@example.test', password: 'wrong' }, '192.0.2.1')).rejects.toMatchObject({ code: 'invalid' });
  });

  it(`after ${throttleRules.account.failures} failures an account is locked, even for the right password`, async () => {
    await makeUser('viewer', 'v@example.test');
    for (let i = 0; i < throttleRules.account.failures; i++) {
      await expect(checkCredentials({ email: 'v@example.test', password: 'guess' }, `198.51.100.${i}`)).rejects.toMatchObject({ code: 'invalid' });
    }
    await expect(checkCredentials({ email: 'v@example.test', password: PASSWORD }, '203.0.113.9')).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it(`one address failing on many accounts is locked after ${throttleRules.address.failures} failures`, async () => {
    await makeUser('viewer', 'v@example.test');
    for (let i = 0; i < throttleRules.address.failures; i++) {
      await expect(checkCredentials({ email: `guess${i}@example.test`, password: 'x' }, '198.51.100.7')).rejects.toMatchObject({ code: 'invalid' });
    }
    await expect(checkCredentials({ email: 'v@example.test', password: PASSWORD }, '198.51.100.7')).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(checkCredentials({ email: 'v@example.test', password: PASSWORD }, '198.51.100.8')).resolves.toMatchObject({ role: 'viewer' });
  });

  it('a successful sign-in clears the account failures', async () => {
    await makeUser('viewer', 'v@example.test');
    for (let i = 0; i < throttleRules.account.failures - 1; i++) {
      await expect(checkCredentials({ email: 'v@example.test', password: 'guess' }, '192.0.2.1')).rejects.toThrow();
    }
    await checkCredentials({ email: 'v@example.test', password: PASSWORD }, '192.0.2.1');
    await expect(checkCredentials({ email: 'v@example.test', password: 'guess' }, '192.0.2.1')).rejects.toMatchObject({ code: 'invalid' });
    await expect(checkCredentials({ email: 'v@example.test', password: PASSWORD }, '192.0.2.1')).resolves.toBeTruthy();
  });
});
