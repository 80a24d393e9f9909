import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { serverSecrets } from '@/lib/env';

/**
 * Secrets at rest (PeeringDB key, router credentials, mail passwords, MD5 keys):
 * AES-256-GCM under APP_ENCRYPTION_KEY, stored as "v1.<iv>.<tag>.<ciphertext>" in base64url.
 * Decrypted values stay on the server; nothing here is ever sent to a browser.
 */
const VERSION = 'v1';

function key(): Buffer {
  const raw = Buffer.from(serverSecrets().encryptionKey, 'base64');
  if (raw.length !== 32) throw new Error('APP_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return raw;
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Not an encrypted secret');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** Encrypt when given a value; keep the stored one when the form left the field empty. */
export function sealIfGiven(plain: string | null | undefined, current: string | null): string | null {
  if (plain === undefined || plain === '') return current;
  if (plain === null) return null;
  return encryptSecret(plain);
}
