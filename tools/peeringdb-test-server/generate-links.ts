// Memberships (netixlan, netfac, ixfac) and contacts (poc) for generated entities, plus the counters they feed.
import { IdSequence, creationTimes } from './build-entities';
import { makeIxfac, makeNetfac, makeNetixlan, makePoc } from './build-links';
import type { PeeringLans } from './peering-lans';
import { type Random, Weighted, longTailSizes } from './random';
import type { Dataset } from './schema';

export interface LinkPlan {
  counts: { fac: number; net: number; netixlan: number; netfac: number; ixfac: number; poc: number };
  scale: number;
  /** Intended member count per IX, by index in `dataset.ix`. */
  memberCounts: readonly number[];
  /** Popularity rank per network (0 = most connected), by index in `dataset.net`. */
  netRank: readonly number[];
  lans: PeeringLans;
}

/** `count` distinct indexes drawn by weight; falls back to a sweep when the weights keep repeating. */
function distinctDraws(random: Random, picker: Weighted<number>, count: number, universe: number): number[] {
  const target = Math.min(count, universe);
  const chosen = new Set<number>();
  for (let attempts = 0; chosen.size < target && attempts < target * 20; attempts++) chosen.add(picker.draw(random));
  for (let index = random.int(0, universe - 1); chosen.size < target; index = (index + 1) % universe) chosen.add(index);
  return [...chosen];
}

function appendTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

/** Links are created over time in no particular parent order: shuffle, then number and date them. */
function laidOut<T>(random: Random, pairs: T[]): { pair: T; id: number; createdMs: number }[] {
  random.shuffle(pairs);
  const ids = new IdSequence(random);
  const times = creationTimes(random, pairs.length);
  return pairs.map((pair, i) => ({ pair, id: ids.next(), createdMs: times[i] }));
}

export function generateLinks(random: Random, dataset: Dataset, plan: LinkPlan): void {
  const { counts, memberCounts, netRank, lans } = plan;
  const netPopularity = new Weighted(netRank.map((rank, index) => [index, 1 / (rank + 3) ** 0.85] as const));

  const facsByCity = new Map<string, number[]>();
  dataset.fac.forEach((fac, index) => appendTo(facsByCity, fac.city, index));
  const reach = memberCounts.map((members) => Math.sqrt(members));
  const totalReach = reach.reduce((a, b) => a + b, 0);
  const ixfacPairs: [number, number][] = [];
  dataset.ix.forEach((ix, ixIndex) => {
    const wanted = Math.min(dataset.fac.length, Math.max(1, Math.round((counts.ixfac * reach[ixIndex]) / totalReach)));
    const local = random.shuffle((facsByCity.get(ix.city) ?? []).slice()).slice(0, wanted);
    const chosen = new Set(local);
    while (chosen.size < wanted) chosen.add(random.int(0, dataset.fac.length - 1));
    for (const facIndex of chosen) ixfacPairs.push([ixIndex, facIndex]);
  });
  const ixFacIds = new Map<number, number[]>();
  for (const { pair: [ixIndex, facIndex], id, createdMs } of laidOut(random, ixfacPairs)) {
    const ix = dataset.ix[ixIndex];
    const fac = dataset.fac[facIndex];
    dataset.ixfac.push(makeIxfac(random, id, ix, fac, createdMs));
    appendTo(ixFacIds, ix.id, fac.id);
  }

  const netixlanPairs: [number, number][] = [];
  memberCounts.forEach((members, ixIndex) => {
    for (const netIndex of distinctDraws(random, netPopularity, members, dataset.net.length)) netixlanPairs.push([ixIndex, netIndex]);
  });
  for (const { pair: [ixIndex, netIndex], id, createdMs } of laidOut(random, netixlanPairs)) {
    const ix = dataset.ix[ixIndex];
    const ixlan = dataset.ixlan[ixIndex];
    const net = dataset.net[netIndex];
    const { ipaddr4, ipaddr6 } = lans.lan(ixlan.id).assign(net.asn, random.chance(0.06) ? random.int(1, 4) : 0);
    const row = makeNetixlan(random, {
      id, net, ix, ixlan, createdMs, ixFacIds: ixFacIds.get(ix.id) ?? [],
      ipaddr4: random.chance(0.014) ? null : ipaddr4,
      ipaddr6: random.chance(0.07) ? null : ipaddr6,
    });
    if (random.chance(0.01)) row.status = 'deleted';
    dataset.netixlan.push(row);
  }

  const largestFac = Math.min(Math.round(counts.net * 0.5), Math.round(600 * Math.sqrt(plan.scale)));
  const facSizes = random.shuffle(longTailSizes(dataset.fac.length, counts.netfac, largestFac));
  const netfacPairs: [number, number][] = [];
  facSizes.forEach((members, facIndex) => {
    for (const netIndex of distinctDraws(random, netPopularity, members, dataset.net.length)) netfacPairs.push([netIndex, facIndex]);
  });
  for (const { pair: [netIndex, facIndex], id, createdMs } of laidOut(random, netfacPairs)) {
    dataset.netfac.push(makeNetfac(random, id, dataset.net[netIndex], dataset.fac[facIndex], createdMs));
  }

  const pocIds = new IdSequence(random);
  for (const createdMs of creationTimes(random, counts.poc)) {
    const netIndex = random.chance(0.5) ? netPopularity.draw(random) : random.int(0, dataset.net.length - 1);
    const row = makePoc(random, pocIds.next(), dataset.net[netIndex], createdMs);
    if (random.chance(0.01)) row.status = 'deleted';
    dataset.poc.push(row);
  }
}

const later = (a: string | null, b: string) => (a === null || b > a ? b : a);

/** Recompute the counters and `*_updated` stamps that PeeringDB keeps on net, ix and fac. */
export function deriveCounters(dataset: Dataset): void {
  const nets = new Map(dataset.net.map((row) => [row.id, row]));
  const ixs = new Map(dataset.ix.map((row) => [row.id, row]));
  const facs = new Map(dataset.fac.map((row) => [row.id, row]));
  for (const net of nets.values()) {
    net.ix_count = net.fac_count = 0;
    net.netixlan_updated = net.netfac_updated = net.poc_updated = null;
  }
  for (const ix of ixs.values()) ix.net_count = ix.fac_count = 0;
  for (const fac of facs.values()) fac.net_count = fac.ix_count = 0;

  const memberships = new Set<number>();
  for (const row of dataset.netixlan) {
    const net = nets.get(row.net_id);
    const ix = ixs.get(row.ix_id);
    const membership = row.net_id * 2 ** 21 + row.ix_id;
    if (net) net.netixlan_updated = later(net.netixlan_updated, row.updated);
    if (row.status !== 'ok' || memberships.has(membership)) continue;
    memberships.add(membership);
    if (net) net.ix_count++;
    if (ix) ix.net_count++;
  }
  for (const row of dataset.netfac) {
    const net = nets.get(row.net_id);
    const fac = facs.get(row.fac_id);
    if (net) net.netfac_updated = later(net.netfac_updated, row.updated);
    if (row.status !== 'ok') continue;
    if (net) net.fac_count++;
    if (fac) fac.net_count++;
  }
  for (const row of dataset.poc) {
    const net = nets.get(row.net_id);
    if (net) net.poc_updated = later(net.poc_updated, row.updated);
  }
  for (const row of dataset.ixfac) {
    const ix = ixs.get(row.ix_id);
    const fac = facs.get(row.fac_id);
    if (row.status !== 'ok') continue;
    if (ix) ix.fac_count++;
    if (fac) fac.ix_count++;
  }
  for (const ixlan of dataset.ixlan) {
    const ix = ixs.get(ixlan.ix_id);
    if (!ix) continue;
    ix.ixf_net_count = ixlan.ixf_ixp_import_enabled ? Math.floor(ix.net_count * 0.85) : 0;
    ix.ixf_last_import = ixlan.ixf_ixp_import_enabled ? ix.updated : null;
  }
}
