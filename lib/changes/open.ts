import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { bgpSessions, changes, type ChangeStatus, type ConfigStatus, type Job } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { PushOperation } from '@/lib/config/drivers/types';

export type ChangeRef = { id: number; status: ChangeStatus; routerId: number };
type SessionRow = { id: number; routerId: number; status: ConfigStatus };

export type NewChanges = {
  rows: SessionRow[];
  operation: PushOperation;
  status: Extract<ChangeStatus, 'pending_approval' | 'scheduled'>;
  editedConfig?: string;
  /** When the author wants it: null for now. */
  requestedAt: Date | null;
  emergencyReason?: string;
};

/** One change per router for these sessions; returns router id -> change id (what a config.push job carries). */
export async function openChanges(tx: Tx, actor: Actor, input: NewChanges): Promise<Record<string, number>> {
  const byRouter = new Map<number, SessionRow[]>();
  for (const r of input.rows) byRouter.set(r.routerId, [...(byRouter.get(r.routerId) ?? []), r]);
  const ids: Record<string, number> = {};
  for (const [routerId, rows] of byRouter) {
    const [change] = await tx
      .insert(changes)
      .values({
        kind: input.operation,
        routerId,
        sessionIds: rows.map((r) => r.id),
        status: input.status,
        authorId: actor.id,
        editedConfig: input.editedConfig ?? null,
        requestedAt: input.requestedAt,
        previous: Object.fromEntries(rows.map((r) => [String(r.id), r.status])),
        emergencyReason: input.emergencyReason ?? null,
      })
      .returning({ id: changes.id });
    ids[String(routerId)] = change.id;
  }
  return ids;
}

export async function linkJob(tx: Tx, changeIds: Record<string, number>, job: Job) {
  const ids = Object.values(changeIds);
  if (ids.length) await tx.update(changes).set({ jobId: job.id, updatedAt: new Date() }).where(inArray(changes.id, ids));
}

export async function changesOfJob(tx: Tx, jobId: number): Promise<ChangeRef[]> {
  return tx.select({ id: changes.id, status: changes.status, routerId: changes.routerId })
    .from(changes)
    .where(eq(changes.jobId, jobId))
    .orderBy(changes.id);
}

/** A session held by a change waiting for approval shows as Scheduled: it is promised to that change. */
export async function holdSessions(tx: Tx, sessionIds: number[]) {
  if (sessionIds.length) await tx.update(bgpSessions).set({ configStatus: 'scheduled', configError: null, updatedAt: new Date() }).where(inArray(bgpSessions.id, sessionIds));
}

/** The Scheduler cancelled the job: its changes that had not started are cancelled with it. */
export async function cancelChangesOfJob(tx: Tx, jobId: number) {
  await tx
    .update(changes)
    .set({ status: 'cancelled', finishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(changes.jobId, jobId), inArray(changes.status, ['scheduled', 'approved'])));
}
