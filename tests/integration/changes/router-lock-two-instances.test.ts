import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { connect, db } from '@/db/client';
import { routerLocks, routers } from '@/db/schema';
import { lockRouter } from '@/lib/changes/lock';
import { describeOnPostgres, useSharedPostgres } from '../../support/postgres-database';

const shared = useSharedPostgres();

describeOnPostgres('one change at a time per router, with two app instances on one PostgreSQL', () => {
  it('changes from two instances on one router never overlap; a second waits for the first', { timeout: 60_000 }, async () => {
    const [router] = await db().insert(routers).values({ name: 'r1', hostname: 'r1.example.net', platform: 'frr', localAsn: 65001 }).returning();
    const instances = [connect({ databaseUrl: shared.url }), connect({ databaseUrl: shared.url })];
    const held: Array<{ change: number; from: number; to: number }> = [];
    try {
      // Six changes, three per instance, all asking for the router at once.
      await Promise.all(
        [1, 2, 3, 4, 5, 6].map(async (change) => {
          const instance = instances[change % 2];
          const release = await lockRouter(router.id, change, { executor: instance.db, holder: `instance-${change % 2}` });
          const from = Date.now();
          await new Promise((r) => setTimeout(r, 300));
          held.push({ change, from, to: Date.now() });
          await release();
        }),
      );
    } finally {
      await Promise.all(instances.map((i) => i.close()));
    }
    expect(held).toHaveLength(6);
    const sorted = [...held].sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].from, `change ${sorted[i].change} started while ${sorted[i - 1].change} held the router`).toBeGreaterThanOrEqual(sorted[i - 1].to);
  });

  it('an instance that died holding the router lets the next change in once its lease has run out', { timeout: 30_000 }, async () => {
    const [router] = await db().insert(routers).values({ name: 'r2', hostname: 'r2.example.net', platform: 'frr', localAsn: 65001 }).returning();
    await db().execute(sql`insert into router_locks (router_id, change_id, holder, expires_at) values (${router.id}, 100, 'dead-instance', now() + interval '2 seconds')`);
    const started = Date.now();
    const release = await lockRouter(router.id, 101);
    expect(Date.now() - started).toBeGreaterThan(1_000);
    expect(await db().select().from(routerLocks)).toMatchObject([{ routerId: router.id, changeId: 101 }]);
    await release();
    expect(await db().select().from(routerLocks)).toEqual([]);
  });
});
