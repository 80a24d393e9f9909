import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { changes } from '@/db/schema';
import type { Mutation } from '@/lib/auth/mutation';
import { readChange, storeReading } from './capture';
import { notify } from '@/lib/notifications/notify';
import { notifyApprovers } from './notify';

type WithChanges = { change?: { id: number } | null; changes?: Array<{ id: number }> };

/**
 * After a push request commits (outside its transaction: routers and mail servers are slow): a
 * change that will not run right away gets its diff against the router now, for its reviewer;
 * one that waits for approval is announced to the approvers. A change that runs now is diffed by
 * its push a moment later instead (one connection to the router, not two).
 */
export function afterRequest<S extends z.ZodType, T extends WithChanges>(inner: Mutation<S, T>): Mutation<S, T> {
  const run = async (...args: Parameters<Mutation<S, T>>) => {
    const result = await inner(...args);
    if (!result.ok) return result;
    const ids = [...new Set([...(result.data.changes ?? []), ...(result.data.change ? [result.data.change] : [])].map((c) => c.id))];
    if (!ids.length) return result;
    const rows = await db().select().from(changes).where(inArray(changes.id, ids));
    const waiting = rows.filter((c) => c.status === 'pending_approval' || (c.status === 'scheduled' && c.requestedAt && c.requestedAt.getTime() > Date.now()));
    for (const change of waiting) await storeReading(change.id, await readChange(change));
    const pending = rows.filter((c) => c.status === 'pending_approval');
    if (pending.length) await notifyApprovers(pending.map((c) => c.id));
    for (const change of pending) await notify('change.awaiting_approval', { text: `Change #${change.id} waits for approval`, changeId: change.id });
    return result;
  };
  return Object.assign(run, { action: inner.action, permission: inner.permission, input: inner.input });
}
