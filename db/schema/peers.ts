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
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('peer_statuses_key').on(t.localAsn, t.ixId, t.peerAsn),
    index('peer_statuses_peer_idx').on(t.peerAsn),
    // Exchange counts and the Communications list look statuses up by (exchange, peer) for every local ASN.
    index('peer_statuses_ix_peer_idx').on(t.ixId, t.peerAsn),
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
