import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { routingPolicies } from './policies';

export const platformEnum = pgEnum('platform', ['iosxr', 'junos', 'eos', 'sros', 'ios', 'frr', 'bird']);
/** none: a render-only router (demo, or a platform we cannot reach): pushes are rendered and recorded, never sent. */
export const transportEnum = pgEnum('transport', ['ssh', 'local', 'none']);

export const routers = pgTable(
  'routers',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    hostname: text('hostname').notNull(),
    managementAddress: text('management_address'),
    sshPort: integer('ssh_port').notNull().default(22),
    platform: platformEnum('platform').notNull(),
    transport: transportEnum('transport').notNull().default('ssh'),
    username: text('username'),
    passwordEnc: text('password_enc'),
    privateKeyEnc: text('private_key_enc'),
    /** Host key pinned on first contact; a different key is held in pendingHostKey until an admin accepts it. */
    hostKey: text('host_key'),
    pendingHostKey: text('pending_host_key'),
    localAsn: bigint('local_asn', { mode: 'number' }).notNull(),
    vrf: text('vrf'),
    /** How to reach the routing daemon's CLI on that host, e.g. "sudo vtysh" or "birdc -s /run/bird/bird.ctl". */
    controlCommand: text('control_command'),
    /** BIRD: the directory of per-peer files that bird.conf includes. */
    peersDir: text('peers_dir'),
    /** Change control: a production router's changes always wait for a second person's approval. */
    production: boolean('production').notNull().default(false),
    /** Weekly windows in which scheduled and approved changes may run; none means any time. */
    maintenanceWindows: jsonb('maintenance_windows').$type<MaintenanceWindow[]>().notNull().default([]),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    lastContactResult: text('last_contact_result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('routers_name_key').on(t.name)],
);

/** Mirrors a peer group configured on the router, facing one exchange in one address family. */
export const peerGroups = pgTable(
  'peer_groups',
  {
    id: serial('id').primaryKey(),
    routerId: integer('router_id')
      .notNull()
      .references(() => routers.id, { onDelete: 'cascade' }),
    ixId: integer('ix_id'),
    name: text('name').notNull(),
    family: smallint('family').notNull(),
    importPolicyId: integer('import_policy_id').references(() => routingPolicies.id, { onDelete: 'set null' }),
    exportPolicyId: integer('export_policy_id').references(() => routingPolicies.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('peer_groups_router_name_family_key').on(t.routerId, t.name, t.family),
    index('peer_groups_ix_idx').on(t.ixId),
  ],
);

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** Every listed day from start to end (HH:MM, end past midnight allowed) in the IANA time zone. */
export type MaintenanceWindow = { days: Weekday[]; start: string; end: string; timeZone: string };

export type Router = typeof routers.$inferSelect;
export type Platform = (typeof platformEnum.enumValues)[number];
export type PeerGroup = typeof peerGroups.$inferSelect;
