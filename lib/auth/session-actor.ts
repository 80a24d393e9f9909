import { db } from '@/db/client';
import { findUserById } from '@/db/queries/users';
import type { Actor } from './actor';

/** What the session cookie carries that matters here (lib/auth/config.ts writes it). */
export type SessionClaims = Record<string, unknown> | null;

/**
 * The user a decoded session cookie stands for, or null. One lookup by primary key: the users row is
 * read anyway (a disabled account or a new role counts at once), so its session version costs nothing more.
 */
export async function actorForSession(claims: SessionClaims): Promise<Actor | null> {
  const id = Number(claims?.uid);
  if (!id) return null;
  const user = await findUserById(db(), id);
  if (!user || user.disabledAt || user.sessionVersion !== Number(claims?.sv ?? 0)) return null;
  return { id: user.id, email: user.email, role: user.role, via: 'web' };
}
