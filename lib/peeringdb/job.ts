import { z } from 'zod';
import { db } from '@/db/client';
import { localAsns } from '@/db/schema';
import { refreshAfterSync } from '@/lib/findings/compute';
import { PEERINGDB_SYNC } from '@/lib/jobs/labels';
import { keepRecurring } from '@/lib/jobs/queue';
import type { JobContext, JobKind } from '@/lib/jobs/types';
import { notify } from '@/lib/notifications/notify';
import { peeringDbSettings } from '@/lib/settings/service';
import { syncPeeringDb } from './sync';

// A TTL of 0 means "always fresh"; the scheduled refresh still waits this long between runs.
const MIN_REFRESH_S = 60;

const syncPayload = z.object({ full: z.boolean().default(false) });

/** Progress goes to the job row, where the IXs page and Scheduler show it. */
async function peeringDbSyncJob(ctx: JobContext<z.output<typeof syncPayload>>) {
  const settings = await peeringDbSettings();
  const results = await syncPeeringDb({
    full: ctx.payload.full,
    client: {
      url: settings.url,
      apiKey: settings.apiKey,
      signal: ctx.signal,
      onWait: (reason, seconds) => ctx.log(`waiting ${seconds} s: ${reason}`),
    },
    onProgress: (p) => ctx.progress(p),
  }).catch(async (err) => {
    await notify('peeringdb.sync_failed', { text: `PeeringDB sync failed: ${err instanceof Error ? err.message : String(err)}`, jobId: ctx.job.id });
    throw err;
  });
  await refreshAfterSync();
  for (const r of results) {
    ctx.log(`${r.tag}: ${r.mode}, ${r.upserted} upserted, ${r.deleted} deleted, ${r.skipped} skipped, ${r.dangling} dangling, ${r.ms} ms`);
  }
  return { types: results };
}

/** The refresh every cache TTL, once the operator has set an ASN. */
async function keepPeeringDbFresh() {
  const [anyAsn] = await db().select().from(localAsns).limit(1);
  if (!anyAsn) return;
  const { cacheTtl } = await peeringDbSettings();
  await keepRecurring(db(), PEERINGDB_SYNC.name, Math.max(cacheTtl, MIN_REFRESH_S), 'PeeringDB refresh (every cache TTL)');
}

export const peeringDbSyncKind: JobKind<z.output<typeof syncPayload>> = {
  ...PEERINGDB_SYNC,
  payload: syncPayload,
  run: peeringDbSyncJob,
  recurring: keepPeeringDbFresh,
};
