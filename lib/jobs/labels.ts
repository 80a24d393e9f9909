// Every job kind's stored name and label, and nothing else: a leaf, so the Scheduler's pages and the
// API can name jobs without loading the code the kinds run (ssh2, imapflow). Each kind spreads its own.
export const PEERINGDB_SYNC = { name: 'peeringdb.sync', label: 'PeeringDB sync' } as const;
export const MAIL_SYNC = { name: 'mail.sync', label: 'Mailbox sync' } as const;
export const CONFIG_PUSH = { name: 'config.push', label: 'Configure sessions' } as const;
export const BGP_POLL = { name: 'bgp.poll', label: 'BGP state polling' } as const;
export const CONFIG_DRIFT = { name: 'config.drift', label: 'Configuration drift check' } as const;
export const IRR_REFRESH = { name: 'irr.refresh', label: 'IRR prefix lists' } as const;
export const FOLLOW_UPS = { name: 'requests.follow_ups', label: 'Peering request follow-ups' } as const;
export const WEBHOOK_DELIVERY = { name: 'webhook.deliver', label: 'Webhook delivery' } as const;
export const NOTIFICATION_EMAIL = { name: 'notification.email', label: 'Notification e-mail' } as const;

const known: { name: string; label: string }[] = [
  PEERINGDB_SYNC,
  MAIL_SYNC,
  CONFIG_PUSH,
  BGP_POLL,
  CONFIG_DRIFT,
  IRR_REFRESH,
  FOLLOW_UPS,
  WEBHOOK_DELIVERY,
  NOTIFICATION_EMAIL,
];

export const jobKindNames = known.map((k) => k.name);

export const jobKindLabel = (kind: string) => known.find((k) => k.name === kind)?.label ?? kind;
