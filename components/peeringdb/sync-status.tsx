import { db } from '@/db/client';
import { peeringDbStatus } from '@/db/queries/peeringdb';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { PEERINGDB_SYNC } from '@/lib/jobs/labels';
import { objectTypes } from '@/lib/peeringdb/object-types';
import { syncNowAction } from './sync-actions';
import { SyncPanel } from './sync-panel';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Server half of the sync panel: reads the status, hands plain data to the client half. */
export async function SyncStatus({ actor }: { actor: Actor }) {
  const { active, last, types } = await peeringDbStatus(db(), PEERINGDB_SYNC.name);
  const job = (j: typeof active) =>
    j && {
      id: j.id,
      status: j.status,
      runAt: j.runAt.toISOString(),
      progress: j.progress as never,
      error: j.error,
      finishedAt: iso(j.finishedAt),
    };
  return (
    <SyncPanel
      active={job(active)}
      last={job(last)}
      types={types.map(({ watermark: _, ...t }) => ({ ...t, lastRunAt: iso(t.lastRunAt) }))}
      order={objectTypes.map(({ tag, label }) => ({ tag, label }))}
      canSync={can(actor.role, 'peeringdb.sync')}
      syncNow={syncNowAction}
    />
  );
}
