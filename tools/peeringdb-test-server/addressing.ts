// Peering LAN addressing: IPv4 blocks from non-routed pools, IPv6 /64s from 2001:db8::/32.

function ipv4ToInt(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function intToIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

export interface Ipv4Block {
  base: number;
  length: number;
}

export function formatIpv4Block(block: Ipv4Block): string {
  return `${intToIpv4(block.base)}/${block.length}`;
}

export function parseIpv4Block(prefix: string): Ipv4Block {
  const [address, length] = prefix.split('/');
  return { base: ipv4ToInt(address), length: Number(length) };
}

/** Usable host addresses: the network and broadcast addresses are not assigned. */
export function ipv4HostCount(length: number): number {
  return 2 ** (32 - length) - 2;
}

/** The `index`-th host address (1-based) of the block. */
export function ipv4Host(block: Ipv4Block, index: number): string {
  return intToIpv4(block.base + index);
}

/** Smallest peering LAN (never below /24, as IXs rarely go smaller) with room for `hosts`. */
export function ipv4LengthFor(hosts: number): number {
  let length = 24;
  while (ipv4HostCount(length) < hosts && length > 16) length--;
  return length;
}

/** Hands out aligned blocks, in order, from a list of pools. */
export class Ipv4Allocator {
  private pool = 0;
  private cursor: number;

  constructor(private readonly pools: readonly Ipv4Block[]) {
    this.cursor = pools[0].base;
  }

  allocate(length: number): Ipv4Block {
    const size = 2 ** (32 - length);
    while (this.pool < this.pools.length) {
      const { base, length: poolLength } = this.pools[this.pool];
      const start = Math.ceil(this.cursor / size) * size;
      if (start + size <= base + 2 ** (32 - poolLength)) {
        this.cursor = start + size;
        return { base: start, length };
      }
      this.pool++;
      if (this.pool < this.pools.length) this.cursor = this.pools[this.pool].base;
    }
    throw new Error(`IPv4 pools exhausted allocating a /${length}: lower the scale`);
  }

  /** Continue after blocks already in use (a dataset being extended). */
  skipPast(block: Ipv4Block): void {
    const end = block.base + 2 ** (32 - block.length);
    const index = this.pools.findIndex((p) => block.base >= p.base && block.base < p.base + 2 ** (32 - p.length));
    if (index > this.pool || (index === this.pool && end > this.cursor)) {
      this.pool = index;
      this.cursor = end;
    }
  }
}

/** Shared address space (100.64/10) then private 10.128/9: never routed, never a real IX. */
export const SYNTHETIC_IPV4_POOLS: readonly Ipv4Block[] = [
  { base: ipv4ToInt('100.64.0.0'), length: 10 },
  { base: ipv4ToInt('10.128.0.0'), length: 9 },
];

/** RFC 5952 text form, as PeeringDB (Python's ipaddress) prints it. */
function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (part: readonly number[]) => part.map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

export function parseIpv6(text: string): number[] {
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The four network groups of the `ordinal`-th synthetic /64: 2001:db8:1xx:yyyy::/64. */
export function syntheticIpv6Network(ordinal: number): number[] {
  return [0x2001, 0xdb8, 0x100 + Math.floor(ordinal / 0x10000), ordinal % 0x10000];
}

export function formatIpv6Network(network: readonly number[]): string {
  return `${formatIpv6([...network, 0, 0, 0, 0])}/64`;
}

/** Interface id built from the ASN's decimal digits, a scheme many IXs use (AS64500 -> ::6:4500:1). */
export function asnInterfaceId(asn: number): number[] {
  const groups: number[] = [];
  for (let digits = String(asn); digits.length > 0; digits = digits.slice(0, -4)) {
    groups.unshift(parseInt(digits.slice(-4), 16));
  }
  return [...groups, 1];
}

export function ipv6Host(network: readonly number[], interfaceId: readonly number[]): string {
  return formatIpv6([...network, ...new Array<number>(4 - interfaceId.length).fill(0), ...interfaceId]);
}
