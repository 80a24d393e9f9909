import { tick } from '@/lib/jobs/runner';

/** `jobs run-due`: one scheduler tick, as the server's node-cron or POST /api/cron would run it. */
export async function jobsCommand(sub: string | undefined) {
  if (sub !== 'run-due') {
    console.error('Usage: jobs run-due');
    return 2;
  }
  const ran = await tick();
  for (const job of ran) console.log(`job #${job.id}: ${job.status}${job.status === 'failed' ? ` (${job.error})` : ''}`);
  if (!ran.length) console.log('No jobs were due');
  return ran.some((j) => j.status === 'failed') ? 1 : 0;
}
