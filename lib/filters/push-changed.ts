import { and, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { bgpSessions } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { requestChange } from '@/lib/changes/request';

/**
 * A peer's list in use changed: every router that has the peer gets a change carrying its sessions,
 * through change control (approval, maintenance windows) like any other push. Sessions being
 * configured already will carry the new list anyway; sessions never pushed have nothing to update.
 */
export async function pushChangedLists(peerAsn: number) {
  return db().transaction(async (tx) => {
    const rows = await tx
      .select({ id: bgpSessions.id })
      .from(bgpSessions)
      .where(and(eq(bgpSessions.peerAsn, peerAsn), isNull(bgpSessions.removedAt), inArray(bgpSessions.configStatus, ['configured'])));
    if (!rows.length) return null;
    return requestChange(tx, systemActor, { sessionIds: rows.map((r) => r.id), mode: 'schedule', at: new Date() });
  });
}
