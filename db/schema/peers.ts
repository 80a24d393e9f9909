import { bigint, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './users';

export const peerStatusEnum = pgEnum('peer_status', [
  'new',
  'existing',
  'not_qualified',
  'request_sent',
  'request_received',
  'approved',
  'rejected',
]);

/** Where we stand with a peer at one exchange, for one of our ASNs. A missing row means "new". */
export const peerStatuses = pgTable(
  'peer_statuses',
  {
    id: serial('id').primaryKey(),
    localAsn: bigint('local_asn', { mode: 'number' }).notNull(),
    ixId: integer('ix_id').notNull(),
    peerAsn: bigint('peer_asn', { mode: 'number' }).notNull(),
    status: peerStatusEnum('status').notNull().default('new'),
    lastRequestAt: timestamp('last_request_at', { withTimezone: true }),
    /** Set with Mark Rejected / Not Qualified: until then the peer is left out of bulk requests, follow-ups and opportunities. */
    doNotAskUntil: timestamp('do_not_ask_until', { withTimezone: true }),
    /** The request e-mail (thread root) this row was last asked with; follow-ups go in its thread. */
    requestEmailId: integer('request_email_id'),
    followUps: integer('follow_ups').notNull().default(0),
    lastFollowUpAt: timestamp('last_follow_up_at', { withTimezone: true }),
    /** The first answer to the last request: a reply in its thread or a message from the peer's contacts. */
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    /** The last follow-up went unanswered for the follow-up interval. */
    stalledAt: timestamp('stalled_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('peer_statuses_key').on(t.localAsn, t.ixId, t.peerAsn),
    index('peer_statuses_peer_idx').on(t.peerAsn),
    // Exchange counts and the Communications list look statuses up by (exchange, peer) for every local ASN.
    index('peer_statuses_ix_peer_idx').on(t.ixId, t.peerAsn),
    index('peer_statuses_request_email_idx').on(t.requestEmailId),
  ],
);

export const peerNotes = pgTable(
  'peer_notes',
  {
    id: serial('id').primaryKey(),
    peerAsn: bigint('peer_asn', { mode: 'number' }).notNull(),
    localAsn: bigint('local_asn', { mode: 'number' }),
    ixId: integer('ix_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    fromStatus: peerStatusEnum('from_status'),
    toStatus: peerStatusEnum('to_status'),
    comment: text('comment'),
    emailId: integer('email_id'),
  },
  (t) => [index('peer_notes_peer_idx').on(t.peerAsn, t.at)],
);

export type PeerStatus = (typeof peerStatusEnum.enumValues)[number];

/** An address a coordinator entered for a peer that shows no usable PeeringDB contact. */
export const peerContacts = pgTable('peer_contacts', {
  peerAsn: bigint('peer_asn', { mode: 'number' }).primaryKey(),
  email: text('email').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
});
