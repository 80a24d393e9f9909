import { bigint, index, integer, jsonb, pgEnum, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { Platform } from './routers';
import { policyDirectionEnum, routingPolicies } from './policies';
import { bgpSessions } from './sessions';
import { users } from './users';

/** What we hold per peer AS for filtering: its policies and the AS-SET to use instead of PeeringDB's. */
export const peerFilters = pgTable('peer_filters', {
  peerAsn: bigint('peer_asn', { mode: 'number' }).primaryKey(),
  importPolicyId: integer('import_policy_id').references(() => routingPolicies.id, { onDelete: 'set null' }),
  exportPolicyId: integer('export_policy_id').references(() => routingPolicies.id, { onDelete: 'set null' }),
  asSetOverride: text('as_set_override'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

/** good: in use; rejected: kept for the record only, the last good list stays in use. */
export const prefixListStatusEnum = pgEnum('prefix_list_status', ['good', 'rejected']);

/** Every generated IRR prefix list of a peer, good or rejected: the history the peer page shows. */
export const prefixLists = pgTable(
  'prefix_lists',
  {
    id: serial('id').primaryKey(),
    peerAsn: bigint('peer_asn', { mode: 'number' }).notNull(),
    family: smallint('family').notNull(),
    /** The AS-SET (or AS) as queried, with its source prefix when it has one: RIPE::AS-FOO. */
    asSet: text('as_set').notNull(),
    status: prefixListStatusEnum('status').notNull(),
    /** Why a list was rejected, or what is worth a look in a good one. */
    warning: text('warning'),
    prefixes: jsonb('prefixes').$type<string[]>().notNull().default([]),
    count: integer('count').notNull().default(0),
    /** bgpq4's output in each router platform's own syntax, for the platforms of the routers that have the peer. */
    texts: jsonb('texts').$type<Partial<Record<Platform, string>>>().notNull().default({}),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('prefix_lists_peer_idx').on(t.peerAsn, t.family, t.generatedAt)],
);

export type ReceivedRoute = {
  prefix: string;
  asPath: string;
  origin: number | null;
  rpki: 'valid' | 'invalid' | 'notfound';
  irr: 'listed' | 'unlisted';
  accepted: boolean;
};

/** The routes a session's peer sent, as last read from the router, with their RPKI and IRR state. */
export const sessionRoutes = pgTable('session_routes', {
  sessionId: integer('session_id')
    .primaryKey()
    .references(() => bgpSessions.id, { onDelete: 'cascade' }),
  routes: jsonb('routes').$type<ReceivedRoute[]>().notNull().default([]),
  received: integer('received').notNull().default(0),
  accepted: integer('accepted').notNull().default(0),
  invalid: integer('invalid').notNull().default(0),
  unlisted: integer('unlisted').notNull().default(0),
  readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
});

export type RoutingPolicy = typeof routingPolicies.$inferSelect;
export type PrefixList = typeof prefixLists.$inferSelect;
export type PolicyDirection = (typeof policyDirectionEnum.enumValues)[number];
