import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { db } from '@/db/client';
import { bgpSessions, changeApprovals, changes, routers, type Change, type ConfigStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { mutation } from '@/lib/auth/mutation';
import type { PushPayload } from '@/lib/config/push-payload';
import { CONFIG_PUSH } from '@/lib/jobs/labels';
import { ServiceError, notFound } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/queue';
import { readChange, type RouterReading } from './capture';
import { changeDecisionInput } from './schemas';
import { nextOpening } from './windows';

const OWN_CHANGE = 'You asked for this change: another approver must approve it (four eyes)';

async function lockPending(tx: Tx, id: number, actor: Actor, doing: 'approve' | 'reject') {
  const [change] = await tx.select().from(changes).where(eq(changes.id, id)).for('update');
  if (!change) throw notFound('Change');
  if (change.status !== 'pending_approval') throw new ServiceError('conflict', `Change #${id} is ${change.status.replace('_', ' ')}: only a change waiting for approval can be ${doing}d`);
  if (doing === 'approve' && change.authorId === actor.id) throw new ServiceError('forbidden', OWN_CHANGE);
  return change;
}

/** Sessions a change held go back to where they were before it was asked for. */
async function releaseSessions(tx: Tx, change: Pick<Change, 'sessionIds' | 'previous'>) {
  for (const id of change.sessionIds) {
    const back: ConfigStatus = change.previous[String(id)] ?? 'not_configured';
    await tx
      .update(bgpSessions)
      .set({ configStatus: back === 'scheduled' || back === 'configuring' ? 'not_configured' : back, updatedAt: new Date() })
      .where(and(eq(bgpSessions.id, id), eq(bgpSessions.configStatus, 'scheduled')));
  }
}

/** The approved change's push: now (or at its requested time), in the router's next maintenance window unless it was an emergency. */
async function queueApproved(tx: Tx, change: Change) {
  const [router] = await tx.select().from(routers).where(eq(routers.id, change.routerId));
  const wanted = change.requestedAt && change.requestedAt.getTime() > Date.now() ? change.requestedAt : new Date();
  const runAt = change.emergencyReason ? wanted : nextOpening(router.maintenanceWindows, wanted);
  const payload: PushPayload = {
    sessionIds: change.sessionIds,
    operation: change.kind as PushPayload['operation'],
    ...(change.editedConfig !== null && { editedConfig: change.editedConfig }),
    previous: change.previous,
    changes: { [String(change.routerId)]: change.id },
  };
  const job = await enqueueJob(tx, { kind: CONFIG_PUSH.name, payload, runAt, createdBy: change.authorId, summary: `Change #${change.id}: ${change.kind.replace('_', ' ')} on ${router.name} (approved)` });
  const soon = runAt.getTime() <= Date.now();
  await tx.update(bgpSessions).set({ configStatus: soon ? 'configuring' : 'scheduled', updatedAt: new Date() }).where(inArray(bgpSessions.id, change.sessionIds));
  return job;
}

const NO_READING: RouterReading = { candidate: '', running: null, diff: null, note: null };

/**
 * Approve: re-reads the router first (prepare, outside any transaction); when what it runs is no longer
 * what the diff was taken against, the change stays pending with the new diff for a fresh review.
 */
export const approveChange = mutation({
  action: 'change.approve',
  permission: 'changes.approve',
  input: changeDecisionInput,
  queuesJobs: true,
  async prepare({ actor, input }) {
    const [change] = await db().select().from(changes).where(eq(changes.id, input.id));
    if (!change) throw notFound('Change');
    if (change.authorId === actor.id) throw new ServiceError('forbidden', OWN_CHANGE);
    // Anything but a pending change is refused in the transaction, without a trip to the router.
    return change.status === 'pending_approval' ? readChange(change) : NO_READING;
  },
  async run({ tx, actor, input, prepared: reading, audit }) {
    const change = await lockPending(tx, input.id, actor, 'approve');
    const drifted = reading.running !== null && reading.running !== change.running;
    if (drifted) {
      const { candidate, running, diff, note } = reading;
      await tx.update(changes)
        .set({ candidate, running, diff, diffNote: note, diffAt: new Date(), updatedAt: new Date() })
        .where(eq(changes.id, change.id));
      await tx.insert(changeApprovals).values({ changeId: change.id, actorId: actor.id, decision: 'returned', comment: "The router's configuration changed since the diff was taken: review the new diff" });
      audit({ target: `change:${change.id}`, details: { returned: 'router drifted since the diff' } });
      return { change: { id: change.id, status: change.status }, job: null, returned: true };
    }
    const job = await queueApproved(tx, change);
    await tx.update(changes).set({ status: 'approved', approverId: actor.id, jobId: job.id, updatedAt: new Date() }).where(eq(changes.id, change.id));
    await tx.insert(changeApprovals).values({ changeId: change.id, actorId: actor.id, decision: 'approved', comment: input.comment ?? null });
    audit({ target: `change:${change.id}`, details: { job: job.id, runAt: job.runAt.toISOString(), comment: input.comment } });
    return { change: { id: change.id, status: 'approved' as const }, job: { id: job.id, status: job.status, runAt: job.runAt }, returned: false };
  },
});

export const rejectChange = mutation({
  action: 'change.reject',
  permission: 'changes.approve',
  input: changeDecisionInput,
  async run({ tx, actor, input, audit }) {
    const change = await lockPending(tx, input.id, actor, 'reject');
    await tx.update(changes).set({ status: 'rejected', approverId: actor.id, finishedAt: new Date(), updatedAt: new Date() }).where(eq(changes.id, change.id));
    await tx.insert(changeApprovals).values({ changeId: change.id, actorId: actor.id, decision: 'rejected', comment: input.comment ?? null });
    await releaseSessions(tx, change);
    audit({ target: `change:${change.id}`, details: { comment: input.comment } });
    return { change: { id: change.id, status: 'rejected' as const } };
  },
});
