/** What the IRRd test server knows: route objects by origin and AS-SETs by name, per IRR source. */
export type IrrFixture = {
  /** Per source (RIPE, ARIN, ...): origin ASN -> the prefixes of its route and route6 objects. */
  routes: Record<string, Record<number, string[]>>;
  /** Per source: AS-SET name (upper case) -> members, ASNs as "AS65002" or other AS-SETs. */
  asSets: Record<string, Record<string, string[]>>;
};

/** Behaviour the tests switch on: an unreachable IRR, or an error for every query. */
export type IrrFaults = { refuse?: boolean; failQueries?: boolean; delayMs?: number };

/** The BGP lab's peer (AS65002, r2, which announces 198.51.100.0/24 and 198.51.101.0/24) and a few neighbours. */
export const labFixture = (): IrrFixture => ({
  routes: {
    RIPE: {
      65002: ['198.51.100.0/24', '198.51.101.0/24', '2001:db8:2::/48'],
      65020: ['10.20.0.0/16'],
    },
    ARIN: { 65030: ['10.30.0.0/22', '2001:db8:30::/48'] },
  },
  asSets: {
    RIPE: {
      'AS-LABPEER': ['AS65002'],
      'AS-LABPEER-CUSTOMERS': ['AS-LABPEER', 'AS65020'],
    },
    ARIN: { 'AS-ARINPEER': ['AS65030'] },
  },
});

/**
 * A fixture of `peers` networks (AS64600+i, set AS-BENCH<i>) with `prefixesEach` IPv4 and IPv6 route
 * objects each, for the benchmark and the sanity tests.
 */
export function syntheticFixture(peers: number, prefixesEach: number): IrrFixture {
  const routes: Record<number, string[]> = {};
  const asSets: Record<string, string[]> = {};
  for (let i = 0; i < peers; i++) {
    const asn = 64600 + i;
    const list: string[] = [];
    for (let p = 0; p < prefixesEach; p++) {
      const n = i * prefixesEach + p;
      list.push(`${100 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}.0/24`, `2001:${(0x1000 + (n >> 16)).toString(16)}:${(n & 0xffff).toString(16)}::/48`);
    }
    routes[asn] = list;
    asSets[`AS-BENCH${i}`] = [`AS${asn}`];
  }
  return { routes: { RIPE: routes }, asSets: { RIPE: asSets } };
}
