import { z } from 'zod';
import { mutation } from '@/lib/auth/mutation';
import { PEERINGDB_SYNC } from '@/lib/jobs/labels';
import { enqueueOrBringForward } from '@/lib/jobs/queue';

export const syncRequestInput = z.object({ full: z.boolean().default(false) }).default({ full: false });

/**
 * "Sync now": one PeeringDB sync job at a time. If the periodic refresh is already scheduled
 * for later, it is brought forward instead of adding a second one.
 */
export const requestPeeringDbSync = mutation({
  action: 'peeringdb.sync',
  permission: 'peeringdb.sync',
  input: syncRequestInput,
  queuesJobs: true,
  async run({ tx, actor, input, audit }) {
    const job = await enqueueOrBringForward(tx, {
      kind: PEERINGDB_SYNC.name,
      payload: { full: input.full },
      createdBy: actor.id,
      summary: input.full ? 'PeeringDB full sync' : 'PeeringDB sync',
    });
    audit({ target: `job:${job.id}`, details: { full: input.full } });
    return { job: { id: job.id, status: job.status } };
  },
});
