import { z } from 'zod';
import { mutation } from '@/lib/auth/mutation';
import { IRR_REFRESH } from '@/lib/jobs/labels';
import { enqueueJob } from '@/lib/jobs/queue';
import { peerAsnField } from './policy-schemas';

const refreshPrefixListsInput = z.object({ peerAsn: peerAsnField });

/** "Refresh now" on a peer: its own job (a second click while it waits returns the same one). */
export const requestPrefixListRefresh = mutation({
  action: 'prefix_lists.refresh',
  permission: 'peers.manage',
  input: refreshPrefixListsInput,
  queuesJobs: true,
  async run({ tx, actor, input, audit }) {
    const job = await enqueueJob(tx, {
      kind: IRR_REFRESH.name,
      payload: { peerAsns: [input.peerAsn] },
      createdBy: actor.id,
      dedupeKey: `${IRR_REFRESH.name}:AS${input.peerAsn}`,
      summary: `IRR prefix lists of AS${input.peerAsn}`,
    });
    audit({ target: `peer:${input.peerAsn}`, details: { job: job.id } });
    return { job: { id: job.id, status: job.status } };
  },
});
