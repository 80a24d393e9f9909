import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, sealIfGiven } from '@/lib/crypto/secrets';

describe('secrets at rest', () => {
  it('round-trips, and the stored form does not contain the secret', () => {
    const sealed = encryptSecret('s3cr3t-md5-key');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('s3cr3t');
    expect(decryptSecret(sealed)).toBe('s3cr3t-md5-key');
  });

  it('the same secret encrypts differently every time', () => {
    expect(encryptSecret('same')).not.toBe(encryptSecret('same'));
  });

  it('a tampered value is refused rather than decrypted to garbage', () => {
    const sealed = encryptSecret('router-password');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => decryptSecret(parts.join('.'))).toThrow();
    expect(() => decryptSecret('plain text')).toThrow('Not an encrypted secret');
  });

  it('an empty form field keeps the stored secret; null clears it', () => {
    const current = encryptSecret('old');
    expect(sealIfGiven('', current)).toBe(current);
    expect(sealIfGiven(undefined, current)).toBe(current);
    expect(sealIfGiven(null, current)).toBeNull();
    expect(decryptSecret(sealIfGiven('new', current)!)).toBe('new');
  });
});
