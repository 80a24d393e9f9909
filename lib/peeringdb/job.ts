import type { JobContext } from '@/lib/jobs/runner';
import { peeringDbSettings } from '@/lib/settings/service';
import { syncPeeringDb } from './sync';

/** The "peeringdb.sync" job: progress goes to the job row, where the IXs page and Scheduler show it. */
export async function peeringDbSyncJob(ctx: JobContext) {
  const settings = await peeringDbSettings();
  const results = await syncPeeringDb({
    full: ctx.job.payload.full === true,
    client: {
      url: settings.url,
      apiKey: settings.apiKey,
      signal: ctx.signal,
      onWait: (reason, seconds) => ctx.log(`waiting ${seconds} s: ${reason}`),
    },
    onProgress: (p) => ctx.progress(p),
  });
  for (const r of results) {
    ctx.log(`${r.tag}: ${r.mode}, ${r.upserted} upserted, ${r.deleted} deleted, ${r.skipped} skipped, ${r.dangling} dangling, ${r.ms} ms`);
  }
  return { types: results };
}
