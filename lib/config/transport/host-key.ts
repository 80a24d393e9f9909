import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { routers, type Router } from '@/db/schema';
import { RouterConnectionError } from './types';

/** The key's SHA-256 fingerprint as OpenSSH prints it (`ssh-keygen -lf`): "SHA256:" + unpadded base64. */
export function fingerprintOf(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

export type HostKeyVerdict = 'pinned' | 'first' | 'changed';

export function judgeHostKey(router: Pick<Router, 'hostKey'>, fingerprint: string): HostKeyVerdict {
  if (!router.hostKey) return 'first';
  return router.hostKey === fingerprint ? 'pinned' : 'changed';
}

/**
 * These writes use their own statements, outside any caller's transaction, so a refused key is
 * remembered even when the caller's work is rolled back.
 */
export async function pinHostKey(routerId: number, fingerprint: string, replace: boolean) {
  await db()
    .update(routers)
    .set({ hostKey: fingerprint, pendingHostKey: null })
    .where(replace ? eq(routers.id, routerId) : and(eq(routers.id, routerId), isNull(routers.hostKey)));
}

export async function holdPendingHostKey(routerId: number, fingerprint: string) {
  await db().update(routers).set({ pendingHostKey: fingerprint }).where(eq(routers.id, routerId));
}

export function hostKeyRefusal(router: Pick<Router, 'name' | 'hostKey'>, fingerprint: string) {
  if (!router.hostKey) {
    return new RouterConnectionError(
      'host_key_unknown',
      `${router.name} presented host key ${fingerprint}, and no key is pinned for it yet: an admin must accept this key before Peerdesk connects.`,
      { fingerprint },
    );
  }
  return new RouterConnectionError(
    'host_key_mismatch',
    `The host key of ${router.name} has changed: expected ${router.hostKey}, received ${fingerprint}. ` +
      'Peerdesk refused to connect; an admin must accept the new key if the change is expected.',
    { fingerprint },
  );
}
