import { inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { routers, type Job } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { lockSessions, queueConfigure } from '@/lib/config/queue-push';
import type { PushOperation } from '@/lib/config/drivers/types';
import { ServiceError, fieldError } from '@/lib/errors';
import { changesOfJob, holdSessions, openChanges, type ChangeRef } from './open';
import { changeControlSettings } from './settings';
import { describeWindow, isOpen, nextOpening } from './windows';

const HOUR_MS = 3_600_000;

export type ChangeRequest = {
  sessionIds: number[];
  operation?: PushOperation;
  mode: 'now' | 'schedule';
  at?: Date;
  editedConfig?: string;
  /** Push now outside a maintenance window (changes.emergency): why. */
  emergencyReason?: string;
};

/**
 * Every push path's way in. Per router: a change held for approval when change control or the
 * router asks for one; otherwise queued for its time, moved to the router's next maintenance
 * window, in as few config.push jobs as there are distinct times.
 */
export async function requestChange(tx: Tx, actor: Actor, input: ChangeRequest): Promise<{ job: Job | null; changes: ChangeRef[] }> {
  const ids = [...new Set(input.sessionIds)];
  if (!ids.length) throw fieldError('sessionIds', 'Choose at least one session');
  const operation = input.operation ?? 'configure';
  const rows = await lockSessions(tx, ids);
  const control = await changeControlSettings(tx);
  const routerRows = await tx.select().from(routers).where(inArray(routers.id, [...new Set(rows.map((r) => r.routerId))]));
  const wanted = input.mode === 'now' ? new Date() : (input.at ?? new Date(Date.now() + HOUR_MS));

  const held: typeof rows = [];
  const byTime = new Map<number, { ids: number[]; emergency?: string }>();
  for (const router of routerRows) {
    const mine = rows.filter((r) => r.routerId === router.id);
    const emergency = input.mode === 'now' && !isOpen(router.maintenanceWindows) ? emergencyFor(actor, router, input.emergencyReason) : undefined;
    if (control.approvalRequired || router.production) {
      held.push(...mine);
      continue;
    }
    const at = emergency || input.mode === 'now' ? wanted : nextOpening(router.maintenanceWindows, wanted);
    const slot = byTime.get(at.getTime()) ?? { ids: [], emergency };
    slot.ids.push(...mine.map((r) => r.id));
    byTime.set(at.getTime(), slot);
  }

  const refs: ChangeRef[] = [];
  let first: Job | null = null;
  for (const [time, slot] of byTime) {
    const now = input.mode === 'now';
    const job = await queueConfigure(tx, actor, {
      sessionIds: ids.filter((id) => slot.ids.includes(id)),
      operation,
      mode: now ? 'now' : 'schedule',
      at: now ? undefined : new Date(time),
      editedConfig: input.editedConfig,
      emergencyReason: slot.emergency,
    });
    first ??= job;
    refs.push(...(await changesOfJob(tx, job.id)));
  }
  if (held.length) {
    const heldIds = await openChanges(tx, actor, {
      rows: held.map((r) => ({ id: r.id, routerId: r.routerId, status: r.status })),
      operation,
      status: 'pending_approval',
      editedConfig: input.editedConfig,
      requestedAt: input.mode === 'now' ? null : wanted,
      emergencyReason: input.mode === 'now' ? (input.emergencyReason ?? undefined) : undefined,
    });
    await holdSessions(tx, held.map((r) => r.id));
    for (const [routerId, id] of Object.entries(heldIds)) refs.push({ id, status: 'pending_approval', routerId: Number(routerId) });
  }
  return { job: first, changes: refs.sort((a, b) => a.id - b.id) };
}

/** Outside the window, Push now needs changes.emergency and a reason; anything else is refused with the next opening. */
function emergencyFor(actor: Actor, router: typeof routers.$inferSelect, reason: string | undefined) {
  const next = nextOpening(router.maintenanceWindows);
  const windows = router.maintenanceWindows.map(describeWindow).join('; ');
  if (!reason) {
    throw new ServiceError(
      'conflict',
      `${router.name} is outside its maintenance window (${windows}; next opens ${next.toISOString()}): schedule the change, or push now as an emergency with a reason`,
      { emergencyReason: 'Outside the maintenance window: give a reason to push now as an emergency' },
    );
  }
  if (!can(actor.role, 'changes.emergency')) throw new ServiceError('forbidden', `Your role (${actor.role}) may not push outside a maintenance window (changes.emergency)`);
  return reason;
}
