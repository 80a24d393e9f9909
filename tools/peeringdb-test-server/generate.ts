// Synthetic PeeringDB object sets: production-shaped, coherent, deterministic per seed.
import { Ipv4Allocator, SYNTHETIC_IPV4_POOLS, formatIpv4Block, formatIpv6Network, ipv4LengthFor, syntheticIpv6Network } from './addressing';
import { type Brand, IdSequence, brandOf, creationTimes, makeFac, makeIx, makeIxlan, makeIxpfx, makeNet, makeOrg } from './build-entities';
import { deriveCounters, generateLinks } from './generate-links';
import { LAB_ID_BASE, labOverlay } from './lab-overlay';
import { PeeringLans } from './peering-lans';
import { Random, Weighted, hashSeed, longTailSizes } from './random';
import { type Dataset, TAGS } from './schema';
import { CITIES, FAC_PREFIXES, NET_SUFFIXES, ORG_SUFFIXES, brandName } from './vocabulary';

/** Fixture rows laid over a generated dataset (see `labOverlay`). */
export type Overlay = (dataset: Dataset, random: Random) => void;

export interface GenerateOptions {
  seed: number;
  /** Fraction of production size: 1 is about 1,300 ix and 34,000 net. */
  scale: number;
  /** Fixture rows added on top: `labOverlay` unless `false`. */
  overlay?: Overlay | false;
}

/** Production sizes (2026) that `scale` multiplies. */
export const PRODUCTION_COUNTS = {
  org: 33_000, net: 34_000, ix: 1_300, fac: 5_900, netixlan: 60_000, poc: 20_000, netfac: 50_000, ixfac: 3_900,
} as const;

type TargetCounts = Record<keyof typeof PRODUCTION_COUNTS, number>;

/** Floors keep tiny scales usable: the lab overlay needs a few IXs and some twenty networks. */
function targetCounts(scale: number): TargetCounts {
  const at = (production: number, floor: number) => Math.max(floor, Math.round(production * scale));
  const p = PRODUCTION_COUNTS;
  return {
    org: at(p.org, 30), net: at(p.net, 40), ix: at(p.ix, 6), fac: at(p.fac, 6),
    netixlan: at(p.netixlan, 60), poc: at(p.poc, 20), netfac: at(p.netfac, 40), ixfac: at(p.ixfac, 6),
  };
}

const cities = new Weighted(CITIES.map((city) => [city, city.weight] as const));
const hubCities = new Weighted(CITIES.filter((city) => city.weight >= 5).map((city) => [city, city.weight] as const));

/** A few operators run many IXs or facilities, most run one. */
function operatorPicker(random: Random, orgCount: number, operators: number): Weighted<number> {
  const chosen = random.sample(Array.from({ length: orgCount }, (_, i) => i), Math.max(1, Math.min(orgCount, operators)));
  return new Weighted(chosen.map((orgIndex, rank) => [orgIndex, 1 / (rank + 1) ** 0.9] as const));
}

function uniqueBrands(random: Random, count: number): Brand[] {
  const names = new Set<string>();
  while (names.size < count) names.add(brandName(random));
  return [...names].map(brandOf);
}

export function generateDataset(options: GenerateOptions): Dataset {
  const { seed, scale, overlay = labOverlay } = options;
  if (!(scale > 0)) throw new Error(`scale must be > 0, got ${scale}`);
  const root = new Random(hashSeed('peerdesk-peeringdb-test-server', seed));
  const counts = targetCounts(scale);
  const dataset = Object.fromEntries(TAGS.map((tag) => [tag, []])) as unknown as Dataset;

  const r = root.fork('org');
  const brands = uniqueBrands(r, counts.org);
  const orgIds = new IdSequence(r);
  creationTimes(r, counts.org).forEach((createdMs, i) => {
    const name = `${brands[i].name} ${r.pick(ORG_SUFFIXES)}`;
    dataset.org.push(makeOrg(r, orgIds.next(), name, brands[i], cities.draw(r), createdMs));
  });

  const f = root.fork('fac');
  const facOperators = operatorPicker(f, counts.org, Math.round(counts.fac * 0.3));
  const facIds = new IdSequence(f);
  const facNumbers = new Map<string, number>();
  creationTimes(f, counts.fac).forEach((createdMs) => {
    const orgIndex = facOperators.draw(f);
    const city = cities.draw(f);
    const key = `${orgIndex}/${city.name}`;
    const number = (facNumbers.get(key) ?? 0) + 1;
    facNumbers.set(key, number);
    const name = `${brands[orgIndex].name} ${city.name} ${FAC_PREFIXES[orgIndex % FAC_PREFIXES.length]}${number}`;
    dataset.fac.push(makeFac(f, facIds.next(), dataset.org[orgIndex], name, brands[orgIndex], city, createdMs));
  });

  const x = root.fork('ix');
  const largestIx = Math.min(Math.round(counts.net * 0.8), Math.round(1000 * Math.sqrt(scale)));
  const memberCounts = x.shuffle(longTailSizes(counts.ix, counts.netixlan, largestIx));
  const bigIx = memberCounts.slice().sort((a, b) => b - a)[Math.floor(counts.ix * 0.05)];
  const ixOperators = operatorPicker(x, counts.org, Math.round(counts.ix * 0.75));
  const ixIds = new IdSequence(x);
  const ixNames = new Set<string>();
  const v4 = new Ipv4Allocator(SYNTHETIC_IPV4_POOLS);
  const lans = new PeeringLans();
  let ixpfxId = 0;
  let v6Ordinal = 0;
  creationTimes(x, counts.ix).forEach((createdMs, i) => {
    const orgIndex = ixOperators.draw(x);
    const brand = brands[orgIndex];
    const city = memberCounts[i] >= bigIx ? hubCities.draw(x) : cities.draw(x);
    let name = `${brand.name}-IX ${city.name}`;
    for (let n = 2; ixNames.has(name); n++) name = `${brand.name}-IX ${city.name} ${n}`;
    ixNames.add(name);
    const ix = makeIx(x, ixIds.next(), dataset.org[orgIndex].id, name, brand, city, createdMs);
    const ixlan = makeIxlan(x, ix, brand, createdMs);
    dataset.ix.push(ix);
    dataset.ixlan.push(ixlan);
    const lan = lans.lan(ixlan.id, { asnBasedIpv6: x.chance(0.4), firstHost: x.int(1, 10) });
    const addPrefix = (protocol: 'IPv4' | 'IPv6', prefix: string) => {
      ixpfxId += x.chance(0.05) ? x.int(2, 4) : 1;
      dataset.ixpfx.push(makeIxpfx(x, ixpfxId, ixlan.id, protocol, prefix, createdMs));
      lan.addPrefix(protocol, prefix);
    };
    const hasV6 = x.chance(0.95);
    if (!hasV6 || x.chance(0.98)) addPrefix('IPv4', formatIpv4Block(v4.allocate(ipv4LengthFor(memberCounts[i] * 1.6 + 20))));
    if (hasV6) addPrefix('IPv6', formatIpv6Network(syntheticIpv6Network(v6Ordinal++)));
    if (x.chance(0.03)) addPrefix('IPv4', formatIpv4Block(v4.allocate(24)));
    ix.proto_ipv6 = hasV6;
  });

  const n = root.fork('net');
  const asns = syntheticAsns(n, counts.net);
  const netIds = new IdSequence(n);
  const netNames = new Set<string>();
  const ownOrgs = Math.floor(counts.org * 0.92);
  const rank = n.shuffle(Array.from({ length: counts.net }, (_, i) => i));
  creationTimes(n, counts.net).forEach((createdMs, i) => {
    const orgIndex = i < ownOrgs ? i : n.int(0, ownOrgs - 1);
    const brand = brands[orgIndex];
    let name = `${brand.name} ${n.pick(NET_SUFFIXES)}`;
    if (netNames.has(name)) name = `${name} (AS${asns[i]})`;
    netNames.add(name);
    const size = 1 - rank[i] / Math.max(1, counts.net - 1);
    dataset.net.push(makeNet(n, { id: netIds.next(), orgId: dataset.org[orgIndex].id, name, brand, asn: asns[i], size, createdMs }));
  });

  generateLinks(root.fork('links'), dataset, { counts, scale, memberCounts, netRank: rank, lans });
  addDanglingReferences(dataset, v4);
  assertBelowFixtureIds(dataset);
  if (overlay) overlay(dataset, root.fork('overlay'));
  deriveCounters(dataset);
  return dataset;
}

/** Documentation ASNs first (so 64500 always exists), then private 16-bit, then private 32-bit ones. */
function syntheticAsns(random: Random, count: number): number[] {
  const asns: number[] = [];
  const add = (from: number, to: number) => {
    for (let asn = from; asn <= to && asns.length < count; asn++) asns.push(asn);
  };
  add(64496, 64511);
  add(65536, 65551);
  add(64512, 64999); // 65000-65099 stay free for lab fixtures
  add(65100, 65534);
  add(4_200_000_000, 4_294_967_294);
  return random.shuffle(asns);
}

/**
 * Real data has rows whose parent is gone (ixpfx 2568 -> missing ixlan 3323): keep two such rows.
 * Their parent ids sit just below the fixture range, where mutations never create rows.
 */
function addDanglingReferences(dataset: Dataset, v4: Ipv4Allocator): void {
  const last = <T extends { id: number }>(rows: T[]) => rows[rows.length - 1];
  const pfx = last(dataset.ixpfx);
  dataset.ixpfx.push({ ...pfx, id: pfx.id + 1, ixlan_id: LAB_ID_BASE - 17, protocol: 'IPv4', prefix: formatIpv4Block(v4.allocate(24)) });
  const netfac = last(dataset.netfac);
  dataset.netfac.push({ ...netfac, id: netfac.id + 1, fac_id: LAB_ID_BASE - 23 });
}

function assertBelowFixtureIds(dataset: Dataset): void {
  for (const tag of TAGS) {
    const rows = dataset[tag];
    if (rows.length && rows[rows.length - 1].id >= LAB_ID_BASE) throw new Error(`scale too large: ${tag} ids reach the fixture range`);
  }
}
