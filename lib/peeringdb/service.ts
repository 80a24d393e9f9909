import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { jobs } from '@/db/schema';
import { mutation } from '@/lib/auth/mutation';
import { enqueueJob } from '@/lib/jobs/queue';

export const SYNC_JOB = 'peeringdb.sync';

export const syncRequestInput = z.object({ full: z.boolean().default(false) }).default({ full: false });

/**
 * "Sync now": one PeeringDB sync job at a time. If the periodic refresh is already scheduled
 * for later, it is brought forward instead of adding a second one.
 */
export const requestPeeringDbSync = mutation({
  action: 'peeringdb.sync',
  permission: 'peeringdb.sync',
  input: syncRequestInput,
  async run({ tx, actor, input, audit }) {
    let job = await enqueueJob(tx, { kind: SYNC_JOB, dedupeKey: SYNC_JOB, payload: { full: input.full }, createdBy: actor.id, summary: input.full ? 'PeeringDB full sync' : 'PeeringDB sync' });
    if (job.status === 'scheduled' && job.runAt.getTime() > Date.now()) {
      [job] = await tx
        .update(jobs)
        .set({ runAt: sql`now()`, payload: { full: input.full }, createdBy: actor.id, updatedAt: new Date() })
        .where(and(eq(jobs.id, job.id), eq(jobs.status, 'scheduled')))
        .returning();
    }
    audit({ target: `job:${job.id}`, details: { full: input.full } });
    return { job: { id: job.id, status: job.status } };
  },
});
