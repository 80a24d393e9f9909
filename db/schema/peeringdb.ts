import { bigint, boolean, index, inet, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Local copies of PeeringDB objects, keyed by PeeringDB id. Foreign ids are not enforced: real data dangles. */
const pdbCommon = {
  id: integer('id').primaryKey(),
  status: text('status').notNull().default('ok'),
  created: timestamp('created', { withTimezone: true }),
  updated: timestamp('updated', { withTimezone: true }),
};

export const pdbOrgs = pgTable('pdb_org', {
  ...pdbCommon,
  name: text('name').notNull(),
  city: text('city'),
  country: text('country'),
  website: text('website'),
});

export const pdbNetworks = pgTable(
  'pdb_net',
  {
    ...pdbCommon,
    orgId: integer('org_id'),
    asn: bigint('asn', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    aka: text('aka'),
    website: text('website'),
    irrAsSet: text('irr_as_set'),
    infoType: text('info_type'),
    infoTypes: jsonb('info_types').$type<string[]>(),
    infoPrefixes4: integer('info_prefixes4'),
    infoPrefixes6: integer('info_prefixes6'),
    policyGeneral: text('policy_general'),
    policyUrl: text('policy_url'),
    infoTraffic: text('info_traffic'),
    infoRatio: text('info_ratio'),
    infoNeverViaRouteServers: boolean('info_never_via_route_servers'),
  },
  (t) => [index('pdb_net_asn_idx').on(t.asn), index('pdb_net_name_idx').on(t.name)],
);

export const pdbExchanges = pgTable('pdb_ix', {
  ...pdbCommon,
  orgId: integer('org_id'),
  name: text('name').notNull(),
  nameLong: text('name_long'),
  city: text('city'),
  country: text('country'),
  regionContinent: text('region_continent'),
  website: text('website'),
});

export const pdbIxlans = pgTable(
  'pdb_ixlan',
  { ...pdbCommon, ixId: integer('ix_id').notNull(), name: text('name'), mtu: integer('mtu') },
  (t) => [index('pdb_ixlan_ix_idx').on(t.ixId)],
);

export const pdbIxPrefixes = pgTable(
  'pdb_ixpfx',
  {
    ...pdbCommon,
    ixlanId: integer('ixlan_id').notNull(),
    protocol: text('protocol').notNull(),
    prefix: inet('prefix').notNull(),
    inDfz: boolean('in_dfz'),
  },
  (t) => [index('pdb_ixpfx_ixlan_idx').on(t.ixlanId)],
);

export const pdbNetIxlans = pgTable(
  'pdb_netixlan',
  {
    ...pdbCommon,
    netId: integer('net_id').notNull(),
    ixId: integer('ix_id').notNull(),
    ixlanId: integer('ixlan_id').notNull(),
    asn: bigint('asn', { mode: 'number' }).notNull(),
    ipaddr4: inet('ipaddr4'),
    ipaddr6: inet('ipaddr6'),
    speed: integer('speed'),
    isRsPeer: boolean('is_rs_peer'),
    bfdSupport: boolean('bfd_support'),
    operational: boolean('operational'),
  },
  (t) => [
    index('pdb_netixlan_ix_idx').on(t.ixId, t.asn),
    index('pdb_netixlan_asn_idx').on(t.asn),
    index('pdb_netixlan_net_idx').on(t.netId),
  ],
);

export const pdbContacts = pgTable(
  'pdb_poc',
  {
    ...pdbCommon,
    netId: integer('net_id').notNull(),
    role: text('role'),
    visible: text('visible'),
    name: text('name'),
    phone: text('phone'),
    email: text('email'),
    url: text('url'),
  },
  (t) => [index('pdb_poc_net_idx').on(t.netId), index('pdb_poc_email_idx').on(t.email)],
);

export const pdbFacilities = pgTable('pdb_fac', {
  ...pdbCommon,
  orgId: integer('org_id'),
  name: text('name').notNull(),
  city: text('city'),
  country: text('country'),
});

export const pdbNetFacilities = pgTable(
  'pdb_netfac',
  {
    ...pdbCommon,
    netId: integer('net_id').notNull(),
    facId: integer('fac_id').notNull(),
    localAsn: bigint('local_asn', { mode: 'number' }),
  },
  (t) => [index('pdb_netfac_net_idx').on(t.netId)],
);

/** Per object type: the `since` watermark and the last run's outcome. */
export const pdbSyncState = pgTable('pdb_sync_state', {
  tag: text('tag').primaryKey(),
  watermark: timestamp('watermark', { withTimezone: true }),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  lastStatus: text('last_status'),
  lastError: text('last_error'),
  rowsUpserted: integer('rows_upserted').notNull().default(0),
  rowsDeleted: integer('rows_deleted').notNull().default(0),
  danglingRefs: integer('dangling_refs').notNull().default(0),
  durationMs: integer('duration_ms'),
});
