import { sql } from 'drizzle-orm';
import { bigint, boolean, index, inet, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { routingPolicies } from './policies';
import { peerGroups, routers } from './routers';

export const sessionTypeEnum = pgEnum('session_type', ['peer', 'route_server', 'transit', 'customer', 'private']);
export const configStatusEnum = pgEnum('config_status', [
  'not_configured',
  'scheduled',
  'configuring',
  'configured',
  'error',
  'removed',
]);

export const bgpSessions = pgTable(
  'bgp_sessions',
  {
    id: serial('id').primaryKey(),
    routerId: integer('router_id')
      .notNull()
      .references(() => routers.id, { onDelete: 'restrict' }),
    ixId: integer('ix_id'),
    peerGroupId: integer('peer_group_id').references(() => peerGroups.id, { onDelete: 'set null' }),
    localAsn: bigint('local_asn', { mode: 'number' }).notNull(),
    peerAsn: bigint('peer_asn', { mode: 'number' }).notNull(),
    peerName: text('peer_name'),
    peerIp: inet('peer_ip').notNull(),
    localIp: inet('local_ip'),
    type: sessionTypeEnum('type').notNull().default('peer'),
    md5Enc: text('md5_enc'),
    maxPrefixes: integer('max_prefixes'),
    description: text('description'),
    notes: text('notes'),
    configStatus: configStatusEnum('config_status').notNull().default('not_configured'),
    configError: text('config_error'),
    adminDown: boolean('admin_down').notNull().default(false),
    importPolicyId: integer('import_policy_id').references(() => routingPolicies.id, { onDelete: 'set null' }),
    exportPolicyId: integer('export_policy_id').references(() => routingPolicies.id, { onDelete: 'set null' }),
    bgpState: text('bgp_state'),
    bgpStateChangedAt: timestamp('bgp_state_changed_at', { withTimezone: true }),
    /** The router's last reset reason or error for this neighbor, e.g. a max-prefix teardown. */
    bgpLastError: text('bgp_last_error'),
    uptimeSeconds: integer('uptime_seconds'),
    prefixesReceived: integer('prefixes_received'),
    lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bgp_sessions_router_peer_ip_key').on(t.routerId, t.peerIp).where(sql`${t.removedAt} is null`),
    index('bgp_sessions_ix_peer_idx').on(t.ixId, t.peerAsn),
    index('bgp_sessions_peer_asn_idx').on(t.peerAsn),
    // The dashboard's prefix chart: the sessions that receive the most, without sorting them all.
    index('bgp_sessions_prefixes_idx').on(t.prefixesReceived.desc().nullsLast(), t.id).where(sql`${t.removedAt} is null`),
  ],
);

export type BgpSession = typeof bgpSessions.$inferSelect;
export type ConfigStatus = (typeof configStatusEnum.enumValues)[number];
export type SessionType = (typeof sessionTypeEnum.enumValues)[number];
