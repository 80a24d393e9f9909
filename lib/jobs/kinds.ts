import type { Tx } from '@/db/client';
import type { Job } from '@/db/schema';
import type { JobContext } from './runner';
import { peeringDbSyncJob } from '@/lib/peeringdb/job';
import { mailSyncJob } from '@/lib/mail/job';
import { cancelPush } from '@/lib/config/configure';
import { bgpPollJob } from '@/lib/config/poll';
import { configPushJob } from '@/lib/config/push';

export type JobHandler = (ctx: JobContext) => Promise<Record<string, unknown> | void>;

export type JobKind = {
  /** What the Scheduler calls it. */
  label: string;
  run: JobHandler;
  /** Undo what scheduling the job promised (e.g. sessions back from Scheduled), in the cancelling transaction. */
  onCancel?: (tx: Tx, job: Job) => Promise<void>;
};

/** Every kind of background work, by the name stored in jobs.kind. One entry per kind; add yours on its own line. */
export const jobKinds: Record<string, JobKind> = {
  'peeringdb.sync': { label: 'PeeringDB sync', run: peeringDbSyncJob },
  'mail.sync': { label: 'Mailbox sync', run: mailSyncJob },
  'config.push': { label: 'Configure sessions', run: configPushJob, onCancel: cancelPush },
  'bgp.poll': { label: 'BGP state polling', run: bgpPollJob },
};

export const jobKindLabel = (kind: string) => jobKinds[kind]?.label ?? kind;
