import type { JobContext } from './runner';
import { peeringDbSyncJob } from '@/lib/peeringdb/job';

type JobHandler = (ctx: JobContext) => Promise<Record<string, unknown> | void>;

/** Every kind of background work, by the name stored in jobs.kind. */
export const jobKinds: Record<string, JobHandler> = {
  'peeringdb.sync': peeringDbSyncJob,
};

export const jobKindLabels: Record<string, string> = {
  'peeringdb.sync': 'PeeringDB sync',
};
