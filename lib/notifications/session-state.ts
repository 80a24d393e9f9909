import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { bgpSessions } from '@/db/schema';
import { notify } from './notify';

const established = (state: string | null | undefined) => /^established/i.test(state ?? '');

async function states(ids: number[]) {
  if (!ids.length) return new Map<number, { state: string | null; peerAsn: number; peerIp: string; routerId: number }>();
  const rows = await db()
    .select({
      id: bgpSessions.id,
      state: bgpSessions.bgpState,
      peerAsn: bgpSessions.peerAsn,
      peerIp: bgpSessions.peerIp,
      routerId: bgpSessions.routerId,
    })
    .from(bgpSessions)
    .where(inArray(bgpSessions.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Runs a poll that stores BGP states, then tells whoever chose so about every session that came up or went down. */
export async function notifySessionChanges<T>(sessionIds: number[], poll: () => Promise<T>): Promise<T> {
  const before = await states(sessionIds);
  const result = await poll();
  for (const [id, now] of await states(sessionIds)) {
    const was = before.get(id)?.state;
    if (established(was) === established(now.state)) continue;
    const up = established(now.state);
    await notify(up ? 'session.up' : 'session.down', {
      text: `BGP session to AS${now.peerAsn} ${now.peerIp} ${up ? 'is up (Established)' : `went down (${now.state ?? 'unknown'})`}`,
      sessionId: id,
      peerAsn: now.peerAsn,
      peerIp: now.peerIp,
      routerId: now.routerId,
      state: now.state,
      previousState: was ?? null,
    });
  }
  return result;
}
