// Row shapes of the PeeringDB API at depth=0, key for key as the live API returns them.

export const TAGS = ['org', 'net', 'ix', 'ixlan', 'ixpfx', 'netixlan', 'poc', 'fac', 'netfac', 'ixfac'] as const;
export type Tag = (typeof TAGS)[number];

/** Real tags the test server knows but holds no rows for: served as empty lists, not 404. */
export const EMPTY_TAGS = ['carrier', 'carrierfac', 'campus'] as const;

type RowStatus = 'ok' | 'deleted';
export type Visibility = 'Public' | 'Users' | 'Private';
export type PocRole = 'Abuse' | 'Maintenance' | 'Policy' | 'Technical' | 'NOC' | 'Public Relations' | 'Sales';

export interface SocialMedia {
  service: string;
  identifier: string;
}

interface Lifecycle {
  created: string;
  updated: string;
  status: RowStatus;
}

interface Address {
  address1: string;
  address2: string;
  city: string;
  country: string;
  state: string;
  zipcode: string;
  floor: string;
  suite: string;
  latitude: number | null;
  longitude: number | null;
}

export interface OrgRow extends Address, Lifecycle {
  id: number;
  name: string;
  aka: string;
  name_long: string;
  website: string;
  social_media: SocialMedia[];
  notes: string;
  logo: string | null;
}

export interface NetRow extends Lifecycle {
  id: number;
  org_id: number;
  name: string;
  aka: string;
  name_long: string;
  website: string;
  social_media: SocialMedia[];
  asn: number;
  looking_glass: string;
  route_server: string;
  irr_as_set: string;
  info_type: string;
  info_types: string[];
  info_prefixes4: number | null;
  info_prefixes6: number | null;
  info_traffic: string;
  info_ratio: string;
  info_scope: string;
  info_unicast: boolean;
  info_multicast: boolean;
  info_ipv6: boolean;
  info_never_via_route_servers: boolean;
  ix_count: number;
  fac_count: number;
  notes: string;
  netixlan_updated: string | null;
  netfac_updated: string | null;
  poc_updated: string | null;
  policy_url: string;
  policy_general: string;
  policy_locations: string;
  policy_ratio: boolean;
  policy_contracts: string;
  allow_ixp_update: boolean;
  status_dashboard: string | null;
  rir_status: string | null;
  rir_status_updated: string;
  logo: string | null;
}

export interface IxRow extends Lifecycle {
  id: number;
  org_id: number;
  name: string;
  aka: string;
  name_long: string;
  city: string;
  country: string;
  region_continent: string;
  media: string;
  notes: string;
  proto_unicast: boolean;
  proto_multicast: boolean;
  proto_ipv6: boolean;
  website: string;
  social_media: SocialMedia[];
  url_stats: string;
  tech_email: string;
  tech_phone: string;
  policy_email: string;
  policy_phone: string;
  sales_phone: string;
  sales_email: string;
  net_count: number;
  fac_count: number;
  ixf_net_count: number;
  ixf_last_import: string | null;
  ixf_import_request: string | null;
  ixf_import_request_status: string;
  service_level: string;
  terms: string;
  status_dashboard: string | null;
  logo: string | null;
}

/** `ixf_ixp_member_list_url` is only serialized for callers allowed by its `_visible` field. */
export interface IxlanRow extends Lifecycle {
  id: number;
  ix_id: number;
  name: string;
  descr: string;
  mtu: number;
  dot1q_support: boolean;
  rs_asn: number;
  arp_sponge: string | null;
  ixf_ixp_member_list_url?: string;
  ixf_ixp_member_list_url_visible: Visibility;
  ixf_ixp_import_enabled: boolean;
}

export interface IxpfxRow extends Lifecycle {
  id: number;
  ixlan_id: number;
  protocol: 'IPv4' | 'IPv6';
  prefix: string;
  in_dfz: boolean;
}

export interface NetixlanRow extends Lifecycle {
  id: number;
  net_id: number;
  ix_id: number;
  name: string;
  ixlan_id: number;
  notes: string;
  speed: number;
  asn: number;
  ipaddr4: string | null;
  ipaddr6: string | null;
  is_rs_peer: boolean;
  bfd_support: boolean;
  operational: boolean;
  net_side_id: number | null;
  ix_side_id: number | null;
}

export interface PocRow extends Lifecycle {
  id: number;
  net_id: number;
  role: PocRole;
  visible: Visibility;
  name: string;
  phone: string;
  email: string;
  url: string;
}

export interface FacRow extends Lifecycle, Address {
  id: number;
  org_id: number;
  org_name: string;
  campus_id: number | null;
  name: string;
  aka: string;
  name_long: string;
  website: string;
  social_media: SocialMedia[];
  clli: string;
  rencode: string;
  npanxx: string;
  notes: string;
  net_count: number;
  ix_count: number;
  carrier_count: number;
  sales_email: string;
  sales_phone: string;
  tech_email: string;
  tech_phone: string;
  available_voltage_services: string[];
  diverse_serving_substations: boolean | null;
  property: string | null;
  region_continent: string | null;
  status_dashboard: string | null;
  logo: string | null;
}

export interface NetfacRow extends Lifecycle {
  id: number;
  name: string;
  city: string;
  country: string;
  net_id: number;
  fac_id: number;
  local_asn: number;
}

export interface IxfacRow extends Lifecycle {
  id: number;
  name: string;
  city: string;
  country: string;
  ix_id: number;
  fac_id: number;
}

export interface RowByTag {
  org: OrgRow;
  net: NetRow;
  ix: IxRow;
  ixlan: IxlanRow;
  ixpfx: IxpfxRow;
  netixlan: NetixlanRow;
  poc: PocRow;
  fac: FacRow;
  netfac: NetfacRow;
  ixfac: IxfacRow;
}

export type AnyRow = RowByTag[Tag];

/** Every tag's rows, each array sorted by id. */
export type Dataset = { [T in Tag]: RowByTag[T][] };

export function isTag(value: string): value is Tag {
  return (TAGS as readonly string[]).includes(value);
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : `${value}`);

/** PeeringDB timestamps: UTC, whole seconds, `Z` suffix. Hand-rolled: it formats millions of stamps. */
export function isoSeconds(epochMs: number): string {
  const seconds = Math.floor(epochMs / 1000);
  const days = Math.floor(seconds / 86_400);
  const clock = seconds - days * 86_400;
  // Civil-from-days (H. Hinnant), valid for the proleptic Gregorian calendar.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hh = Math.floor(clock / 3600);
  const mm = Math.floor((clock % 3600) / 60);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hh)}:${pad2(mm)}:${pad2(clock % 60)}Z`;
}
