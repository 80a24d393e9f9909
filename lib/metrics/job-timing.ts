import type { Job } from '@/db/schema';
import { logger } from '@/lib/log/logger';
import { metrics } from './registry';

/** Times one job run into peerdesk_job_duration_seconds and logs its outcome. */
export async function timedJobRun<T extends { status: string; error?: string }>(job: Job, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const outcome = await run();
  const seconds = (performance.now() - started) / 1000;
  metrics().jobDuration.observe({ kind: job.kind, status: outcome.status }, seconds);
  const line = { jobId: job.id, kind: job.kind, status: outcome.status, durationSeconds: Number(seconds.toFixed(3)) };
  if (outcome.status === 'failed') logger().warn({ ...line, error: outcome.error }, `job ${job.kind} failed`);
  else logger().info(line, `job ${job.kind} ${outcome.status}`);
  return outcome;
}
