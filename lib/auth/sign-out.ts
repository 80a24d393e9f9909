import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';

/**
 * Ends the person's sessions on the server. Clearing the cookie is not enough: a page prefetch still in
 * flight carries the old cookie, and the proxy answers it with a refreshed one, signing the browser back in.
 * Bumping the session version (lib/auth/session-actor.ts) makes every cookie issued so far worthless.
 */
export async function endSessions(userId: number) {
  await db()
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
