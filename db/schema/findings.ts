import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, inet, integer, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { routers } from './routers';
import { bgpSessions } from './sessions';

export const findingKindEnum = pgEnum('finding_kind', [
  'peer_left_ix',
  'peer_ip_changed',
  'max_prefix_drift',
  'max_prefix_near',
  'on_router_only',
  'missing_on_router',
  'config_drift',
  'session_down',
]);
export const findingSeverityEnum = pgEnum('finding_severity', ['critical', 'warning', 'info']);

/**
 * Something wrong between PeeringDB, Peerdesk and the routers. Recomputed after every sync and poll:
 * a finding whose condition holds again keeps its row (and its `since`); one whose condition went
 * away gets resolvedAt. `key` names the thing it is about (`session:12`, `router:3:192.0.2.9`).
 */
export const findings = pgTable(
  'findings',
  {
    id: serial('id').primaryKey(),
    kind: findingKindEnum('kind').notNull(),
    key: text('key').notNull(),
    severity: findingSeverityEnum('severity').notNull(),
    sessionId: integer('session_id').references(() => bgpSessions.id, { onDelete: 'cascade' }),
    routerId: integer('router_id').references(() => routers.id, { onDelete: 'cascade' }),
    peerAsn: bigint('peer_asn', { mode: 'number' }),
    ixId: integer('ix_id'),
    /** What was seen, by kind: e.g. { peeringDb, configured, received } for max_prefix_drift. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    /** The one-click remedy, or null when a person has to decide. */
    remedy: text('remedy'),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
    /** When what was seen last changed (a finding seen exactly as before is not rewritten). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('findings_open_key').on(t.kind, t.key).where(sql`${t.resolvedAt} is null`),
    index('findings_open_idx').on(t.severity, t.since).where(sql`${t.resolvedAt} is null`),
    index('findings_session_idx').on(t.sessionId),
  ],
);

/** Every BGP state change a poll saw: flaps over the last day, and how long a session has been down. */
export const sessionStateChanges = pgTable(
  'session_state_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => bgpSessions.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    reason: text('reason'),
  },
  (t) => [index('session_state_changes_session_idx').on(t.sessionId, t.at)],
);

/** Prefixes received over time, at most one point per session per sampling interval (the dashboard's chart). */
export const sessionPrefixPoints = pgTable(
  'session_prefix_points',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => bgpSessions.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    prefixes: integer('prefixes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.at] })],
);

/** The BGP neighbors a router has, as last seen: live from the poll (FRR, BIRD) or from the last import. */
export const routerNeighbors = pgTable(
  'router_neighbors',
  {
    routerId: integer('router_id')
      .notNull()
      .references(() => routers.id, { onDelete: 'cascade' }),
    peerIp: inet('peer_ip').notNull(),
    peerAsn: bigint('peer_asn', { mode: 'number' }),
    state: text('state'),
    source: text('source').$type<'poll' | 'import'>().notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.routerId, t.peerIp] })],
);

export type Finding = typeof findings.$inferSelect;
export type FindingKind = (typeof findingKindEnum.enumValues)[number];
export type FindingSeverity = (typeof findingSeverityEnum.enumValues)[number];

/**
 * Charts over every session, computed after each BGP poll and at most once a minute otherwise
 * (db/queries/dashboard.ts), so that a view of the home page reads one row instead of counting them all.
 */
export const chartSnapshots = pgTable('chart_snapshots', {
  name: text('name').primaryKey(),
  value: jsonb('value').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});
