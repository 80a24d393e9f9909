/** FNV-1a over the parts, so a sub-stream's seed depends only on its label, not on call order. */
export function hashSeed(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = `${part}\u0000`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash >>> 0;
}

/** Seeded PRNG (mulberry32): fast, 32-bit state, same sequence on every platform. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream for one concern, so adding draws elsewhere leaves it unchanged. */
  fork(label: string): Random {
    return new Random(hashSeed(this.state, label));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items.slice()).slice(0, count);
  }
}

/** A categorical distribution: `[value, weight]` pairs, drawn in O(log n). */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = entries.map(([value]) => value);
    this.cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, weight], i) => {
      total += weight;
      this.cumulative[i] = total;
    });
  }

  draw(random: Random): T {
    const target = random.next() * this.cumulative[this.cumulative.length - 1];
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.cumulative[mid] > target) high = mid;
      else low = mid + 1;
    }
    return this.values[low];
  }
}

/**
 * Sizes with a long tail: a handful near `largest`, most small, none below 1, summing to about `total`.
 * Shape largest / (1 + rank / knee)^1.7; the knee is solved for the total.
 */
export function longTailSizes(count: number, total: number, largest: number): number[] {
  const sizesFor = (knee: number) =>
    Array.from({ length: count }, (_, rank) => Math.max(1, Math.round(largest / (1 + rank / knee) ** 1.7)));
  const sum = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0);
  let low = 1e-3;
  let high = 1e7;
  for (let step = 0; step < 60; step++) {
    const mid = Math.sqrt(low * high);
    if (sum(sizesFor(mid)) > total) high = mid;
    else low = mid;
  }
  return sizesFor(low);
}
