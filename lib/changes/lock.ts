import { and, eq, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { db, type Executor } from '@/db/client';
import { routerLocks } from '@/db/schema';

// Renewed while held; an instance that dies lets the next change in once this has run out.
const LEASE_SECONDS = 60;
const holderId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** Takes the router's lock for this change if it is free or its holder's lease ran out. */
async function tryLock(executor: Executor, routerId: number, changeId: number, holder: string) {
  const result = await executor.execute(sql`
    insert into router_locks (router_id, change_id, holder, expires_at)
    values (${routerId}, ${changeId}, ${holder}, now() + ${`${LEASE_SECONDS} seconds`}::interval)
    on conflict (router_id) do update set change_id = excluded.change_id, holder = excluded.holder, expires_at = excluded.expires_at
      where router_locks.expires_at < now() or router_locks.change_id = excluded.change_id
    returning router_id`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

/**
 * One change at a time per router, across app instances: waits (polling once a second) until the
 * router is free, then holds it, renewing the lease, until the returned release is called.
 * `onWait` hears once that the change is waiting, and for which change.
 */
export async function lockRouter(
  routerId: number,
  changeId: number,
  opts: { signal?: AbortSignal; onWait?: (holderChange: number) => void; executor?: Executor; holder?: string } = {},
) {
  const executor = opts.executor ?? db();
  const holder = opts.holder ?? holderId;
  let told = false;
  while (!(await tryLock(executor, routerId, changeId, holder))) {
    if (opts.signal?.aborted) throw new Error(`Gave up waiting for the router lock held by another change`);
    if (!told && opts.onWait) {
      const [held] = await executor.select({ changeId: routerLocks.changeId }).from(routerLocks).where(eq(routerLocks.routerId, routerId));
      if (held) opts.onWait(held.changeId);
      told = true;
    }
    await sleep(1000);
  }
  const renew = setInterval(() => {
    void executor
      .update(routerLocks)
      .set({ expiresAt: sql`now() + ${`${LEASE_SECONDS} seconds`}::interval` })
      .where(and(eq(routerLocks.routerId, routerId), eq(routerLocks.changeId, changeId)))
      .catch(() => undefined);
  }, (LEASE_SECONDS * 1000) / 3);
  return async () => {
    clearInterval(renew);
    await executor.delete(routerLocks).where(and(eq(routerLocks.routerId, routerId), eq(routerLocks.changeId, changeId)));
  };
}
