import { isIP } from 'node:net';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  pdbContacts,
  pdbExchanges,
  pdbFacilities,
  pdbIxlans,
  pdbIxPrefixes,
  pdbNetFacilities,
  pdbNetIxlans,
  pdbNetworks,
  pdbOrgs,
} from '@/db/schema';
import type { PeeringDbRow } from './client';

type Converted = Record<string, unknown> & { id: number };

export type ObjectType = {
  tag: string;
  label: string;
  table: PgTable;
  /** null: the row is unusable (e.g. a malformed prefix) and is skipped and counted. */
  toRow: (row: PeeringDbRow) => Converted | null;
  /** SQL counting rows that point at something missing (real data has them; they are kept and counted). */
  danglingSql?: string;
};

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);
const time = (v: unknown) => (typeof v === 'string' && v ? new Date(v) : null);
const ip = (v: unknown, family: 4 | 6) => (typeof v === 'string' && isIP(v) === family ? v : null);
const cidr = (v: unknown) => {
  const [address, length, extra] = typeof v === 'string' ? v.split('/') : [];
  const family = address ? isIP(address) : 0;
  const bits = Number(length);
  return family && extra === undefined && /^\d+$/.test(length ?? '') && bits <= (family === 4 ? 32 : 128) ? (v as string) : null;
};

const common = (r: PeeringDbRow) => ({ id: r.id, status: str(r.status) ?? 'ok', created: time(r.created), updated: time(r.updated) });

/** In dependency order, so a first sync fills referenced objects before the objects that point at them. */
export const objectTypes: ObjectType[] = [
  { tag: 'org', label: 'organizations', table: pdbOrgs, toRow: (r) => ({ ...common(r), name: str(r.name) ?? '', city: str(r.city), country: str(r.country), website: str(r.website) }) },
  { tag: 'fac', label: 'facilities', table: pdbFacilities, toRow: (r) => ({ ...common(r), orgId: int(r.org_id), name: str(r.name) ?? '', city: str(r.city), country: str(r.country) }) },
  {
    tag: 'ix',
    label: 'exchanges',
    table: pdbExchanges,
    toRow: (r) => ({ ...common(r), orgId: int(r.org_id), name: str(r.name) ?? '', nameLong: str(r.name_long), city: str(r.city), country: str(r.country), regionContinent: str(r.region_continent), website: str(r.website) }),
  },
  {
    tag: 'ixlan',
    label: 'exchange LANs',
    table: pdbIxlans,
    toRow: (r) => ({ ...common(r), ixId: int(r.ix_id) ?? 0, name: str(r.name), mtu: int(r.mtu) }),
    danglingSql: 'select count(*)::int as n from pdb_ixlan l where not exists (select 1 from pdb_ix x where x.id = l.ix_id)',
  },
  {
    tag: 'ixpfx',
    label: 'exchange prefixes',
    table: pdbIxPrefixes,
    toRow: (r) => {
      const prefix = cidr(r.prefix);
      return prefix ? { ...common(r), ixlanId: int(r.ixlan_id) ?? 0, protocol: str(r.protocol) ?? '', prefix, inDfz: bool(r.in_dfz) } : null;
    },
    danglingSql: 'select count(*)::int as n from pdb_ixpfx p where not exists (select 1 from pdb_ixlan l where l.id = p.ixlan_id)',
  },
  {
    tag: 'net',
    label: 'networks',
    table: pdbNetworks,
    toRow: (r) => ({
      ...common(r),
      orgId: int(r.org_id),
      asn: int(r.asn) ?? 0,
      name: str(r.name) ?? '',
      aka: str(r.aka),
      website: str(r.website),
      irrAsSet: str(r.irr_as_set),
      infoType: str(r.info_type),
      infoTypes: Array.isArray(r.info_types) ? r.info_types : null,
      infoPrefixes4: int(r.info_prefixes4),
      infoPrefixes6: int(r.info_prefixes6),
      policyGeneral: str(r.policy_general),
      policyUrl: str(r.policy_url),
      infoTraffic: str(r.info_traffic),
      infoRatio: str(r.info_ratio),
      infoNeverViaRouteServers: bool(r.info_never_via_route_servers),
    }),
  },
  {
    tag: 'poc',
    label: 'contacts',
    table: pdbContacts,
    toRow: (r) =>
      ({
        ...common(r),
        netId: int(r.net_id) ?? 0,
        role: str(r.role),
        visible: str(r.visible),
        name: str(r.name),
        phone: str(r.phone),
        email: str(r.email),
        url: str(r.url),
      }),
    danglingSql: 'select count(*)::int as n from pdb_poc c where not exists (select 1 from pdb_net n where n.id = c.net_id)',
  },
  {
    tag: 'netfac',
    label: 'network facilities',
    table: pdbNetFacilities,
    toRow: (r) => ({ ...common(r), netId: int(r.net_id) ?? 0, facId: int(r.fac_id) ?? 0, localAsn: int(r.local_asn) }),
  },
  {
    tag: 'netixlan',
    label: 'exchange memberships',
    table: pdbNetIxlans,
    toRow: (r) => ({
      ...common(r),
      netId: int(r.net_id) ?? 0,
      ixId: int(r.ix_id) ?? 0,
      ixlanId: int(r.ixlan_id) ?? 0,
      asn: int(r.asn) ?? 0,
      ipaddr4: ip(r.ipaddr4, 4),
      ipaddr6: ip(r.ipaddr6, 6),
      speed: int(r.speed),
      isRsPeer: bool(r.is_rs_peer),
      bfdSupport: bool(r.bfd_support),
      operational: bool(r.operational),
    }),
    danglingSql:
      'select count(*)::int as n from pdb_netixlan m where not exists (select 1 from pdb_net n where n.id = m.net_id) or not exists (select 1 from pdb_ix x where x.id = m.ix_id)',
  },
];
