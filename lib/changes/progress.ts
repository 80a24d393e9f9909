import { and, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { changes, configPushes, type ChangeStatus, type ChangeVerification } from '@/db/schema';
import type { PushPayload } from '@/lib/config/push-payload';

export const changeOf = (payload: Pick<PushPayload, 'changes'>, routerId: number): number | null => payload.changes?.[String(routerId)] ?? null;

/** The push reached this router's turn: its change is running. */
export async function changeStarted(payload: PushPayload, routerId: number, jobId: number) {
  const id = changeOf(payload, routerId);
  if (!id) return;
  await db()
    .update(changes)
    .set({ status: 'running', jobId, error: null, updatedAt: new Date() })
    .where(and(eq(changes.id, id), inArray(changes.status, ['scheduled', 'approved', 'running'])));
}

export type ChangeOutcome = {
  status: Extract<ChangeStatus, 'succeeded' | 'failed' | 'rolled_back'>;
  error?: string;
  verification?: ChangeVerification;
};

/**
 * How the change ended. The router's output comes from its push record; a change pushed right
 * away takes its diff from the push too (read from the router a moment after the request).
 */
export async function changeFinished(payload: PushPayload, routerId: number, outcome: ChangeOutcome) {
  const id = changeOf(payload, routerId);
  if (!id) return;
  const [push] = await db().select().from(configPushes).where(eq(configPushes.changeId, id)).orderBy(desc(configPushes.id)).limit(1);
  const [change] = await db().select({ diffAt: changes.diffAt }).from(changes).where(eq(changes.id, id));
  await db()
    .update(changes)
    .set({
      status: outcome.status,
      error: outcome.error ?? null,
      output: push?.output ?? null,
      ...(outcome.verification && { verification: outcome.verification }),
      ...(!change?.diffAt && push && { diff: push.diff, candidate: push.renderedConfig, diffAt: push.createdAt, diffNote: push.status === 'rendered' ? 'Render-only router: the configuration was rendered, not sent' : null }),
      finishedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(changes.id, id));
}

/** A push outcome as the change records it (verification and rollback are already on the change). */
export function changeOutcome(outcome: { status: 'succeeded' | 'failed' | 'rendered' | 'rolled_back'; error?: string }): ChangeOutcome {
  if (outcome.status === 'failed' || outcome.status === 'rolled_back') return { status: outcome.status, error: outcome.error };
  return { status: 'succeeded' };
}
