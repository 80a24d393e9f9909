import { bgpPollKind } from '@/lib/config/poll';
import { configPushKind } from '@/lib/config/push';
import { configDriftKind } from '@/lib/findings/drift-check';
import { irrRefreshKind } from '@/lib/filters/job';
import { notificationEmailKind } from '@/lib/notifications/email';
import { webhookDeliveryKind } from '@/lib/notifications/delivery';
import { followUpKind } from '@/lib/peering/follow-ups';
import { mailSyncKind } from '@/lib/mail/job';
import { peeringDbSyncKind } from '@/lib/peeringdb/job';
import type { JobKind } from './types';

/** Every kind of background work, by the name stored in jobs.kind. Each domain defines its own; add yours on its own line. */
export const jobKinds: Record<string, JobKind> = Object.fromEntries(
  [
    peeringDbSyncKind,
    mailSyncKind,
    configPushKind,
    bgpPollKind,
    configDriftKind,
    irrRefreshKind,
    followUpKind,
    webhookDeliveryKind,
    notificationEmailKind,
  ].map((kind) => [kind.name, kind]),
);
