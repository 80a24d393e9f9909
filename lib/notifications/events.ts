/** The events a user may be told about, by e-mail or webhook; a leaf, so forms can list them. */
export const notificationEvents = [
  'reply.received',
  'request.stalled',
  'peer.approved',
  'session.down',
  'session.up',
  'change.awaiting_approval',
  'peeringdb.sync_failed',
] as const;

export type NotificationEvent = (typeof notificationEvents)[number];

export const notificationEventLabels: Record<NotificationEvent, string> = {
  'reply.received': 'A peer replied to a request',
  'request.stalled': 'A request stalled (no answer after the last follow-up)',
  'peer.approved': 'A peer was approved',
  'session.down': 'A BGP session went down',
  'session.up': 'A BGP session came up',
  'change.awaiting_approval': 'A change awaits approval',
  'peeringdb.sync_failed': 'A PeeringDB sync failed',
};

/** What every event carries: `text` reads well in a chat (Slack-compatible webhooks post it as is). */
export type NotificationPayload = { text: string } & Record<string, unknown>;
