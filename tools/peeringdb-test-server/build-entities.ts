// Builders for the entity rows (org, net, ix, ixlan, ixpfx, fac), each with the live API's key order.
import { type Random, Weighted } from './random';
import { type FacRow, type IxRow, type IxlanRow, type IxpfxRow, type NetRow, type OrgRow, type SocialMedia, type Visibility, isoSeconds } from './schema';
import * as vocab from './vocabulary';
import type { City } from './vocabulary';

/** Wall-clock "now" of a freshly generated dataset: fixed, so output is byte-identical per seed. */
const DATASET_TIME_MS = Date.UTC(2026, 3, 1);
/** PeeringDB's 2010 migration stamped this `created` on every older object. */
const MIGRATION_MS = Date.UTC(2010, 6, 29);

/** Ascending creation times for `count` rows whose ids ascend too. */
export function creationTimes(random: Random, count: number): number[] {
  const span = DATASET_TIME_MS - 30 * 86_400_000 - MIGRATION_MS;
  const times = Array.from({ length: count }, () => (random.chance(0.08) ? MIGRATION_MS : MIGRATION_MS + random.next() * span));
  return times.sort((a, b) => a - b);
}

/** Last edit: most rows were touched in recent years. */
export function updatedAfter(random: Random, createdMs: number): string {
  return isoSeconds(createdMs + (DATASET_TIME_MS - createdMs) * (1 - random.next() ** 3));
}

/** Ids ascend with creation, with the holes that deletions leave in real data. */
export class IdSequence {
  private last = 0;

  constructor(private readonly random: Random) {}

  next(): number {
    this.last += this.random.chance(0.06) ? this.random.int(2, 5) : 1;
    return this.last;
  }
}

export interface Brand {
  name: string;
  domain: string;
}

export function brandOf(name: string): Brand {
  return { name, domain: `${vocab.slug(name)}.example` };
}

const websiteOf = (brand: Brand) => `https://www.${brand.domain}`;
const socialMedia = (website: string): SocialMedia[] => (website ? [{ service: 'website', identifier: website }] : []);
const sometimes = (random: Random, probability: number, value: string) => (random.chance(probability) ? value : '');
const lifecycle = (random: Random, createdMs: number) => ({
  created: isoSeconds(createdMs),
  updated: updatedAfter(random, createdMs),
  status: 'ok' as const,
});

export function makeOrg(random: Random, id: number, name: string, brand: Brand, city: City, createdMs: number): OrgRow {
  const website = sometimes(random, 0.45, websiteOf(brand));
  const located = random.chance(0.45);
  const geocoded = located && random.chance(0.35);
  return {
    id, name, aka: '', name_long: '', website, social_media: socialMedia(website),
    notes: '', logo: random.chance(0.1) ? `https://media.peeringdb.example/logos/org-${id}.png` : null,
    address1: located ? `${random.int(1, 250)} ${random.pick(vocab.STREETS)}` : '', address2: '',
    city: located ? city.name : '', country: located ? city.country : '', state: located ? city.state : '',
    zipcode: located ? String(random.int(1000, 99999)) : '', floor: '', suite: '',
    latitude: geocoded ? city.latitude : null, longitude: geocoded ? city.longitude : null,
    ...lifecycle(random, createdMs),
  };
}

const infoTypes = new Weighted(vocab.INFO_TYPES);
const policyGeneral = new Weighted(vocab.POLICY_GENERAL);
const policyLocations = new Weighted(vocab.POLICY_LOCATIONS);
const policyContracts = new Weighted(vocab.POLICY_CONTRACTS);
const infoRatio = new Weighted(vocab.INFO_RATIO);
const infoScope = new Weighted(vocab.INFO_SCOPE);

/** A round prefix count; `size` in [0, 1] (1 = the biggest networks) shifts it up. */
function prefixCount(random: Random, size: number, shift: number): number {
  const top = vocab.PREFIX_COUNTS.length - 1;
  const index = Math.round(size * top * 0.8 + (random.next() - 0.5) * 6) - shift;
  return vocab.PREFIX_COUNTS[Math.max(0, Math.min(top, index))];
}

function irrAsSet(random: Random, brand: Brand, asn: number): string {
  const setName = `AS-${vocab.slug(brand.name).replace(/-/g, '').toUpperCase()}`;
  const roll = random.next();
  if (roll < 0.22) return '';
  if (roll < 0.8) return setName;
  if (roll < 0.88) return `AS${asn}:${setName}`;
  if (roll < 0.95) return `${random.pick(['RIPE', 'RADB', 'ARIN'])}::${setName}`;
  return `AS${asn}`;
}

export interface NetInput {
  id: number;
  orgId: number;
  name: string;
  brand: Brand;
  asn: number;
  /** 1 for the most connected networks, 0 for the least. */
  size: number;
  createdMs: number;
}

export function makeNet(random: Random, input: NetInput): NetRow {
  const { id, orgId, name, brand, asn, size, createdMs } = input;
  const website = sometimes(random, 0.96, websiteOf(brand));
  const types = random.chance(0.03) ? [] : [infoTypes.draw(random)];
  if (types.length && random.chance(0.02)) types.unshift(infoTypes.draw(random));
  const traffic = Math.round(size * (vocab.INFO_TRAFFIC.length - 1) * 0.9 + (random.next() - 0.5) * 4);
  return {
    id, org_id: orgId, name, aka: sometimes(random, 0.3, `${brand.name} ${random.pick(vocab.NET_SUFFIXES)}`),
    name_long: '', website, social_media: socialMedia(website), asn,
    looking_glass: sometimes(random, 0.23, `https://lg.${brand.domain}`),
    route_server: sometimes(random, 0.04, `telnet://route-server.${brand.domain}`),
    irr_as_set: irrAsSet(random, brand, asn),
    info_type: types.length ? random.pick(types) : '',
    info_types: [...new Set(types)],
    info_prefixes4: random.chance(0.03) ? null : prefixCount(random, size, 0),
    info_prefixes6: random.chance(0.01) ? null : prefixCount(random, size, 4),
    info_traffic: random.chance(0.27) ? '' : vocab.INFO_TRAFFIC[Math.max(0, Math.min(vocab.INFO_TRAFFIC.length - 1, traffic))],
    info_ratio: infoRatio.draw(random),
    info_scope: infoScope.draw(random),
    info_unicast: random.chance(0.96), info_multicast: random.chance(0.1), info_ipv6: random.chance(0.78),
    info_never_via_route_servers: random.chance(0.05),
    ix_count: 0, fac_count: 0,
    notes: sometimes(random, 0.1, `Peering requests to peering@${brand.domain}.`),
    netixlan_updated: null, netfac_updated: null, poc_updated: null,
    policy_url: sometimes(random, 0.24, `${websiteOf(brand)}/peering`),
    policy_general: policyGeneral.draw(random),
    policy_locations: policyLocations.draw(random),
    policy_ratio: random.chance(0.09),
    policy_contracts: policyContracts.draw(random),
    allow_ixp_update: random.chance(0.05),
    status_dashboard: random.chance(0.46) ? null : sometimes(random, 0.01, `https://status.${brand.domain}`),
    rir_status: random.chance(0.002) ? null : 'ok',
    rir_status_updated: isoSeconds(DATASET_TIME_MS - random.int(1, 600) * 86_400_000),
    logo: random.chance(0.02) ? `https://media.peeringdb.example/logos/net-${id}.png` : null,
    ...lifecycle(random, createdMs),
  };
}

const serviceLevels = new Weighted(vocab.SERVICE_LEVELS);
const terms = new Weighted(vocab.TERMS);

export function makeIx(random: Random, id: number, orgId: number, name: string, brand: Brand, city: City, createdMs: number): IxRow {
  const website = sometimes(random, 0.99, websiteOf(brand));
  const phone = () => vocab.phoneNumber(random);
  const importRequested = random.chance(0.15);
  return {
    id, org_id: orgId, name, aka: '', name_long: `${brand.name} Internet Exchange ${city.name}`,
    city: city.name, country: city.country, region_continent: city.continent, media: 'Ethernet',
    notes: '', proto_unicast: true, proto_multicast: random.chance(0.15), proto_ipv6: true,
    website, social_media: socialMedia(website),
    url_stats: sometimes(random, 0.65, `${websiteOf(brand)}/statistics`),
    tech_email: `noc@${brand.domain}`, tech_phone: sometimes(random, 0.74, phone()),
    policy_email: sometimes(random, 0.9, `peering@${brand.domain}`), policy_phone: sometimes(random, 0.62, phone()),
    sales_phone: sometimes(random, 0.07, phone()), sales_email: sometimes(random, 0.19, `sales@${brand.domain}`),
    net_count: 0, fac_count: 0, ixf_net_count: 0,
    ixf_last_import: null,
    ixf_import_request: importRequested ? updatedAfter(random, createdMs) : null,
    ixf_import_request_status: importRequested ? random.pick(['finished', 'finished', 'error']) : 'queued',
    service_level: serviceLevels.draw(random), terms: terms.draw(random),
    status_dashboard: random.chance(0.44) ? null : sometimes(random, 0.12, `https://status.${brand.domain}`),
    logo: random.chance(0.07) ? `https://media.peeringdb.example/logos/ix-${id}.png` : null,
    ...lifecycle(random, createdMs),
  };
}

const memberListVisibility = new Weighted<Visibility>([['Private', 80], ['Public', 12], ['Users', 8]]);

export function makeIxlan(random: Random, ix: IxRow, brand: Brand, createdMs: number): IxlanRow {
  const visible = memberListVisibility.draw(random);
  const listed = visible !== 'Private' || random.chance(0.1);
  return {
    id: ix.id, ix_id: ix.id, name: random.chance(0.6) ? '' : random.pick(['Main', 'Peering LAN', 'Peering', 'MTU 1500', 'LAN']),
    descr: '', mtu: random.chance(0.1) ? 9000 : 1500, dot1q_support: false, rs_asn: 0, arp_sponge: null,
    ...(listed ? { ixf_ixp_member_list_url: `https://portal.${brand.domain}/api/v4/member-export/ixf/1.0` } : {}),
    ixf_ixp_member_list_url_visible: visible,
    ixf_ixp_import_enabled: random.chance(0.24),
    ...lifecycle(random, createdMs),
  };
}

export function makeIxpfx(random: Random, id: number, ixlanId: number, protocol: 'IPv4' | 'IPv6', prefix: string, createdMs: number): IxpfxRow {
  return { id, ixlan_id: ixlanId, protocol, prefix, in_dfz: random.chance(0.95), ...lifecycle(random, createdMs) };
}

/** Most facilities are geocoded near their city's centre; a few are not geocoded at all. */
function geocode(random: Random, city: City): { latitude: number | null; longitude: number | null } {
  if (random.chance(0.06)) return { latitude: null, longitude: null };
  const near = (degrees: number) => Number((degrees + (random.next() - 0.5) / 10).toFixed(6));
  return { latitude: near(city.latitude), longitude: near(city.longitude) };
}

export function makeFac(random: Random, id: number, org: OrgRow, name: string, brand: Brand, city: City, createdMs: number): FacRow {
  const phone = () => vocab.phoneNumber(random);
  const website = sometimes(random, 0.95, websiteOf(brand));
  return {
    id, org_id: org.id, org_name: org.name, campus_id: null, name, aka: '', name_long: '',
    website, social_media: socialMedia(website),
    clli: '', rencode: '', npanxx: '', notes: '',
    net_count: 0, ix_count: 0, carrier_count: 0,
    sales_email: sometimes(random, 0.17, `sales@${brand.domain}`), sales_phone: sometimes(random, 0.15, phone()),
    tech_email: sometimes(random, 0.15, `support@${brand.domain}`), tech_phone: sometimes(random, 0.13, phone()),
    available_voltage_services: random.chance(0.03) ? ['48 VDC'] : [],
    diverse_serving_substations: random.chance(0.98) ? null : random.chance(0.9),
    property: random.chance(0.64) ? null : random.pick(['', '', '', '', 'Owner', 'Lessee']),
    region_continent: city.continent,
    status_dashboard: random.chance(0.7) ? null : '',
    logo: null,
    ...lifecycle(random, createdMs),
    address1: `${random.int(1, 400)} ${random.pick(vocab.STREETS)}`, address2: '',
    city: city.name, country: city.country, state: city.state,
    zipcode: String(random.int(1000, 99999)), floor: '', suite: '',
    ...geocode(random, city),
  };
}
