import { describe, expect, it } from 'vitest';
import { LAB } from '@/tools/peeringdb-test-server/lab-overlay';
import { TAGS } from '@/tools/peeringdb-test-server/schema';
import { PeeringDbStore } from '@/tools/peeringdb-test-server/store';
import { inIpv4Prefix } from './helpers';

const options = { seed: 21, scale: 0.02 };
const NOW = Date.UTC(2026, 5, 1);

function snapshot(store: PeeringDbStore): string {
  return JSON.stringify(TAGS.map((tag) => store.rows(tag)));
}

describe('PeeringDbStore mutations', () => {
  it('are deterministic for a seed and undone by reset', () => {
    const a = new PeeringDbStore(options);
    const b = new PeeringDbStore(options);
    const pristine = snapshot(a);
    expect(a.mutate({ fraction: 0.1, seed: 1, now: NOW })).toEqual(b.mutate({ fraction: 0.1, seed: 1, now: NOW }));
    expect(snapshot(a)).toBe(snapshot(b));
    expect(snapshot(a)).not.toBe(pristine);
    a.reset();
    expect(snapshot(a)).toBe(pristine);
  });

  it('stamp every change after the newest row, even with a clock in the past', () => {
    const store = new PeeringDbStore(options);
    const before = store.latestUpdate();
    const summary = store.mutate({ fraction: 0.05, now: 0 });
    expect(Date.parse(summary.updated) / 1000).toBe(before + 1);
    expect(store.latestUpdate()).toBe(before + 1);
  });

  it('keep the data coherent through repeated heavy churn, as PeeringDB cascades deletions', () => {
    const store = new PeeringDbStore(options);
    for (let round = 0; round < 5; round++) store.mutate({ fraction: 0.2, now: NOW + round * 1000 });
    const ok = <T extends { status: string; id: number }>(rows: readonly T[]) => new Map(rows.filter((row) => row.status === 'ok').map((row) => [row.id, row]));
    const nets = ok(store.rows('net'));
    const ixs = ok(store.rows('ix'));
    const ixlans = ok(store.rows('ixlan'));
    const facs = ok(store.rows('fac'));
    const addresses = new Set<string>();
    for (const row of store.okRows('netixlan')) {
      expect(nets.get(row.net_id)?.asn).toBe(row.asn);
      expect(ixs.has(row.ix_id) && ixlans.has(row.ixlan_id)).toBe(true);
      const v4 = store.okRows('ixpfx').filter((pfx) => pfx.ixlan_id === row.ixlan_id && pfx.protocol === 'IPv4');
      if (row.ipaddr4) expect(v4.some((pfx) => inIpv4Prefix(row.ipaddr4 as string, pfx.prefix))).toBe(true);
      for (const address of [row.ipaddr4, row.ipaddr6].filter(Boolean)) {
        expect(addresses.has(`${row.ixlan_id} ${address}`)).toBe(false);
        addresses.add(`${row.ixlan_id} ${address}`);
      }
    }
    for (const row of store.okRows('poc')) expect(nets.has(row.net_id)).toBe(true);
    for (const row of store.okRows('ixfac')) expect(ixs.has(row.ix_id) && facs.has(row.fac_id)).toBe(true);
    for (const tag of TAGS) {
      const ids = store.rows(tag).map((row) => row.id);
      expect(ids, tag).toEqual([...new Set(ids)].sort((x, y) => x - y));
    }
    expect(store.get('netixlan', LAB.localNetixlanId)).toMatchObject({ status: 'ok', ipaddr4: LAB.localIpaddr4 });
    expect(store.okRows('netixlan').filter((row) => row.asn === LAB.localAsn)).toHaveLength(1 + LAB.otherIxCount);
  });
});
