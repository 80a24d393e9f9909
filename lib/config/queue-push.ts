import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { bgpSessions, routers, type Job } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { linkJob, openChanges } from '@/lib/changes/open';
import { ServiceError, fieldError, notFound } from '@/lib/errors';
import { CONFIG_PUSH } from '@/lib/jobs/labels';
import { enqueueJob } from '@/lib/jobs/queue';
import type { PushOperation } from './drivers/types';
import type { PushPayload } from './push-payload';

const HOUR_MS = 3_600_000;
// A time picked a little while ago in an open form still means "soon", not "the past".
const SLACK_MS = 60_000;

const verbs: Record<PushOperation, string> = { configure: 'Configure', remove: 'Remove', admin_down: 'Admin down', admin_up: 'Admin up' };
const plural = (n: number) => `${n} session${n === 1 ? '' : 's'}`;

/** Locks these sessions for a push and refuses the ones that cannot take one (gone, removed, already promised to a job or change). */
export async function lockSessions(tx: Tx, ids: number[]) {
  const rows = await tx
    .select({
      id: bgpSessions.id,
      status: bgpSessions.configStatus,
      removedAt: bgpSessions.removedAt,
      peerAsn: bgpSessions.peerAsn,
      peerIp: bgpSessions.peerIp,
      routerId: bgpSessions.routerId,
      router: routers.name,
    })
    .from(bgpSessions)
    .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
    .where(inArray(bgpSessions.id, ids))
    .for('update', { of: bgpSessions });
  for (const id of ids) if (!rows.some((r) => r.id === id)) throw notFound(`Session ${id}`);
  for (const r of rows) {
    const label = `AS${r.peerAsn} ${r.peerIp} on ${r.router}`;
    if (r.removedAt) throw new ServiceError('conflict', `${label} was removed: it can no longer be configured`);
    if (r.status === 'configuring' || r.status === 'scheduled') {
      throw new ServiceError('conflict', `${label} is ${r.status === 'configuring' ? 'being configured now' : 'scheduled already'}: wait for that job or change, or cancel it in the Scheduler or on the Changes page`);
    }
  }
  return rows;
}

/**
 * Enqueues ONE config.push job for these sessions (any number of routers), opens one change per
 * router for it, and marks the sessions Configuring (now) or Scheduled. The caller kicks the
 * scheduler after its transaction commits when mode is now.
 */
export async function queueConfigure(
  tx: Tx,
  actor: Actor,
  input: { sessionIds: number[]; operation?: PushOperation; mode: 'now' | 'schedule'; at?: Date; editedConfig?: string; emergencyReason?: string },
): Promise<Job> {
  const ids = [...new Set(input.sessionIds)];
  if (!ids.length) throw fieldError('sessionIds', 'Choose at least one session');
  const operation = input.operation ?? 'configure';
  if (input.editedConfig !== undefined && ids.length !== 1) throw fieldError('config', 'An edited configuration is for one session at a time');
  const runAt = input.mode === 'now' ? new Date() : (input.at ?? new Date(Date.now() + HOUR_MS));
  if (input.mode === 'schedule' && runAt.getTime() < Date.now() - SLACK_MS) throw fieldError('at', 'That time has passed: pick a later one, or configure now');

  const rows = await lockSessions(tx, ids);
  const changeIds = await openChanges(tx, actor, {
    rows: rows.map((r) => ({ id: r.id, routerId: r.routerId, status: r.status })),
    operation,
    status: 'scheduled',
    editedConfig: input.editedConfig,
    requestedAt: input.mode === 'now' ? null : runAt,
    emergencyReason: input.emergencyReason,
  });

  const routerNames = [...new Set(rows.map((r) => r.router))].sort();
  const payload: PushPayload = {
    sessionIds: ids,
    operation,
    ...(input.editedConfig !== undefined && { editedConfig: input.editedConfig }),
    previous: Object.fromEntries(rows.map((r) => [String(r.id), r.status])),
    changes: changeIds,
  };
  const job = await enqueueJob(tx, {
    kind: CONFIG_PUSH.name,
    payload,
    runAt,
    createdBy: actor.id,
    summary: `${verbs[operation]} ${plural(ids.length)} on ${routerNames.join(', ')}`,
  });
  await linkJob(tx, changeIds, job);
  await tx
    .update(bgpSessions)
    .set({ configStatus: input.mode === 'now' ? 'configuring' : 'scheduled', configError: null, updatedAt: new Date() })
    .where(inArray(bgpSessions.id, ids));
  return job;
}
