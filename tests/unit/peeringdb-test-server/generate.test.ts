import { describe, expect, it } from 'vitest';
import { PRODUCTION_COUNTS, generateDataset } from '@/tools/peeringdb-test-server/generate';
import { LAB, LAB_ID_BASE } from '@/tools/peeringdb-test-server/lab-overlay';
import { type Dataset, TAGS } from '@/tools/peeringdb-test-server/schema';
import { inIpv4Prefix, inIpv6Prefix64 } from './helpers';

const small = generateDataset({ seed: 11, scale: 0.03 });

function byId<T extends { id: number }>(rows: T[]): Map<number, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

describe('generateDataset', () => {
  it('is byte-identical for a seed and differs across seeds', () => {
    expect(JSON.stringify(generateDataset({ seed: 11, scale: 0.03 }))).toBe(JSON.stringify(small));
    expect(JSON.stringify(generateDataset({ seed: 12, scale: 0.03 }).net)).not.toBe(JSON.stringify(small.net));
  });

  it('keeps every tag sorted by unique id', () => {
    for (const tag of TAGS) {
      const ids = small[tag].map((row) => row.id);
      expect(ids, tag).toEqual([...new Set(ids)].sort((a, b) => a - b));
    }
  });

  it('links netixlan to existing net, ix and ixlan, with unique addresses inside the LAN prefixes', () => {
    const nets = byId(small.net);
    const ixlans = byId(small.ixlan);
    const prefixes = new Map<number, string[]>();
    for (const pfx of small.ixpfx) prefixes.set(pfx.ixlan_id, [...(prefixes.get(pfx.ixlan_id) ?? []), pfx.prefix]);
    const seen = new Set<string>();
    for (const row of small.netixlan.filter((r) => r.status === 'ok')) {
      expect(nets.get(row.net_id)?.asn).toBe(row.asn);
      expect(ixlans.get(row.ixlan_id)?.ix_id).toBe(row.ix_id);
      const lan = prefixes.get(row.ixlan_id) ?? [];
      if (row.ipaddr4) expect(lan.some((p) => p.includes('.') && inIpv4Prefix(row.ipaddr4 as string, p)), row.ipaddr4).toBe(true);
      if (row.ipaddr6) expect(lan.some((p) => p.includes(':') && inIpv6Prefix64(row.ipaddr6 as string, p)), row.ipaddr6).toBe(true);
      for (const address of [row.ipaddr4, row.ipaddr6]) {
        if (!address) continue;
        expect(seen.has(`${row.ixlan_id} ${address}`), address).toBe(false);
        seen.add(`${row.ixlan_id} ${address}`);
      }
    }
  });

  it('gives nets realistic peering data', () => {
    const policies = new Set(small.net.map((net) => net.policy_general));
    for (const policy of ['Open', 'Selective', 'Restrictive', 'No']) expect(policies).toContain(policy);
    expect(small.net.filter((net) => /^(AS-|AS\d|RIPE::|RADB::|ARIN::)/.test(net.irr_as_set)).length).toBeGreaterThan(small.net.length / 2);
    expect(small.net.every((net) => net.info_types.length === 0 || net.info_types.includes(net.info_type))).toBe(true);
  });

  it('mixes poc visibility (about 35% Public) and only uses example mail domains', () => {
    const pocs = small.poc;
    const publicShare = pocs.filter((poc) => poc.visible === 'Public').length / pocs.length;
    expect(publicShare).toBeGreaterThan(0.25);
    expect(publicShare).toBeLessThan(0.45);
    expect(new Set(pocs.map((poc) => poc.visible))).toEqual(new Set(['Public', 'Users', 'Private']));
    for (const poc of pocs.filter((p) => p.email)) expect(poc.email).toMatch(/@(example\.net|[a-z0-9-]+\.example|peer\.test)$/);
  });

  it('keeps a dangling reference: an ixpfx whose ixlan does not exist', () => {
    const ixlans = byId(small.ixlan);
    expect(small.ixpfx.some((pfx) => !ixlans.has(pfx.ixlan_id))).toBe(true);
  });

  it('lays the lab overlay over the data, and leaves it out when asked', () => {
    const lab = (dataset: Dataset) => dataset.netixlan.filter((row) => row.asn === LAB.localAsn);
    const ports = lab(small);
    expect(ports.find((row) => row.ix_id === LAB.labIxId)?.ipaddr4).toBe(LAB.localIpaddr4);
    expect(new Set(ports.map((row) => row.ix_id)).size).toBe(1 + LAB.otherIxCount);
    const peerIxs = small.netixlan.filter((row) => row.asn === LAB.peerAsn).map((row) => row.ix_id);
    expect(peerIxs.filter((ix) => ix !== LAB.labIxId && ports.some((row) => row.ix_id === ix))).toHaveLength(LAB.sharedIxCount);
    const labMembers = small.netixlan.filter((row) => row.ix_id === LAB.labIxId && row.asn !== LAB.localAsn && row.asn !== LAB.peerAsn);
    expect(labMembers).toHaveLength(LAB.labIxSyntheticMembers);
    expect(labMembers.every((row) => row.ipaddr4?.startsWith('10.0.13.'))).toBe(true);
    const bare = generateDataset({ seed: 11, scale: 0.03, overlay: false });
    expect(lab(bare)).toHaveLength(0);
    expect(TAGS.every((tag) => bare[tag].every((row) => row.id < LAB_ID_BASE))).toBe(true);
  });

  it('generates production scale with counts within 10% of the targets and a long tail of members', () => {
    const full = generateDataset({ seed: 1, scale: 1 });
    const targets: Record<string, number> = { ...PRODUCTION_COUNTS, ixlan: PRODUCTION_COUNTS.ix, ixpfx: 2 * PRODUCTION_COUNTS.ix };
    for (const tag of TAGS) {
      expect(Math.abs(full[tag].length - targets[tag]) / targets[tag], `${tag}: ${full[tag].length}`).toBeLessThan(0.1);
    }
    const members = full.ix.map((ix) => ix.net_count).sort((a, b) => b - a);
    expect(members[0]).toBeGreaterThan(800);
    expect(members[0]).toBeLessThan(1200);
    expect(members[Math.floor(members.length / 2)]).toBeLessThan(20);
  });
});
