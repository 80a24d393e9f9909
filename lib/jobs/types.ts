import { z } from 'zod';
import type { Tx } from '@/db/client';
import type { Job } from '@/db/schema';

/** What a job's run gets: its row, its payload as its kind's schema read it, and the runner's hooks. */
export type JobContext<P = unknown> = {
  job: Job;
  payload: P;
  /** Throttled: call it as often as you like. */
  progress: (progress: Record<string, unknown>) => void;
  log: (line: string) => void;
  signal: AbortSignal;
};

/**
 * One kind of background work, exported by the domain that does it and listed in kinds.ts. Its name
 * and label come from labels.ts, which pages read without loading the kind's code.
 */
export type JobKind<P = unknown> = {
  /** Stored in jobs.kind. */
  name: string;
  /** What the Scheduler calls it. */
  label: string;
  /** Read when the job runs or is cancelled: a payload that does not fit fails the job, saying why. */
  payload: z.ZodType<P>;
  // Methods, not function properties: a kind with its own payload type still fits the list of every kind.
  run(ctx: JobContext<P>): Promise<Record<string, unknown> | void>;
  /** Undo what scheduling the job promised (e.g. sessions back from Scheduled), in the cancelling transaction. */
  onCancel?(tx: Tx, job: Job, payload: P): Promise<void>;
  /** Keeps the kind's periodic job scheduled; called on every scheduler tick, from every instance. */
  recurring?(): Promise<void>;
};

export function readPayload<P>(kind: JobKind<P>, job: Job): P {
  const read = kind.payload.safeParse(job.payload);
  if (!read.success) throw new Error(`Job #${job.id} (${kind.label}) carries a payload it cannot read:\n${z.prettifyError(read.error)}`);
  return read.data;
}
