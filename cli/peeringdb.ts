import { parseArgs } from 'node:util';
import { tick } from '@/lib/jobs/runner';
import { requestPeeringDbSync } from '@/lib/peeringdb/service';
import type { SyncProgress, TypeResult } from '@/lib/peeringdb/sync';
import { cliActor } from './output';

/** `peeringdb sync [--full]`: runs the sync job here and now; progress on stderr, summary on stdout. */
export async function peeringDbCommand(sub: string | undefined, args: string[]) {
  if (sub !== 'sync') {
    console.error('Usage: peeringdb sync [--full]');
    return 2;
  }
  const { values } = parseArgs({ args, options: { full: { type: 'boolean', default: false } } });
  const requested = await requestPeeringDbSync(cliActor, { full: values.full });
  if (!requested.ok) {
    console.error(`Error: ${requested.error.message}`);
    return 1;
  }
  const started = Date.now();
  const [outcome] = await tick({
    only: requested.data.job.id,
    observe: (p) => {
      const progress = p as SyncProgress;
      process.stderr.write(`\r${progress.label} (${progress.tag}): ${progress.phase} ${progress.rows} rows   `);
    },
  });
  process.stderr.write('\n');
  if (!outcome) {
    console.error(`Job #${requested.data.job.id} is already running elsewhere (the server?): see the Scheduler`);
    return 1;
  }
  if (outcome.status === 'failed') {
    console.error(`PeeringDB sync failed: ${outcome.error}`);
    return 1;
  }
  for (const r of (outcome.result as { types: TypeResult[] }).types) {
    console.log(`${r.tag.padEnd(9)} ${r.mode.padEnd(11)} ${String(r.upserted).padStart(7)} upserted ${String(r.deleted).padStart(6)} deleted ${String(r.dangling).padStart(5)} dangling ${String(r.ms).padStart(7)} ms`);
  }
  console.log(`PeeringDB sync done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}
