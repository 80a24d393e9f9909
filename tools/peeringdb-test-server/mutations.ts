// Simulated edits between two syncs: rows change, get deleted (with PeeringDB's cascades) and appear.
import { SYNTHETIC_IPV4_POOLS, Ipv4Allocator, formatIpv4Block, formatIpv6Network, parseIpv4Block, syntheticIpv6Network } from './addressing';
import { brandOf, makeFac, makeIx, makeIxlan, makeIxpfx, makeNet, makeOrg } from './build-entities';
import { makeIxfac, makeNetfac, makeNetixlan, makePoc } from './build-links';
import { PeeringLans } from './peering-lans';
import { type Random, Weighted } from './random';
import { type AnyRow, type RowByTag, TAGS, type Tag, isoSeconds } from './schema';
import { CITIES, NET_SUFFIXES, ORG_SUFFIXES, PREFIX_COUNTS, SPEEDS, brandName, phoneNumber } from './vocabulary';

export interface MutationTarget {
  rows<T extends Tag>(tag: T): readonly RowByTag[T][];
  /** Ok rows as of the start of the mutation. */
  okRows<T extends Tag>(tag: T): readonly RowByTag[T][];
  get<T extends Tag>(tag: T, id: number): RowByTag[T] | undefined;
  isFixture(tag: Tag, id: number): boolean;
  /** Replace the row with this id, or append it when its id is the highest. */
  put<T extends Tag>(tag: T, row: RowByTag[T]): void;
}

export interface MutationSummary {
  /** The `updated` stamp of every changed, deleted and added row. */
  updated: string;
  changed: Record<Tag, number>;
  deleted: Record<Tag, number>;
  added: Record<Tag, number>;
}

type Change<T extends Tag> = (random: Random, row: RowByTag[T]) => Partial<RowByTag[T]>;
const speeds = new Weighted(SPEEDS);

/** The field an operator would typically edit; netfac and ixfac have none of their own, so they are re-saved. */
const CHANGES: { [T in Tag]: Change<T> } = {
  org: (_, row) => ({ notes: `Contact details reviewed (${row.name}).` }),
  net: (random, row) => ({
    info_prefixes4: PREFIX_COUNTS[Math.min(PREFIX_COUNTS.length - 1, PREFIX_COUNTS.indexOf(row.info_prefixes4 ?? 0) + random.int(1, 2))],
  }),
  ix: (random) => ({ tech_phone: phoneNumber(random) }),
  ixlan: (_, row) => ({ mtu: row.mtu === 9000 ? 1500 : 9000 }),
  ixpfx: (_, row) => ({ in_dfz: !row.in_dfz }),
  netixlan: (random, row) => ({ speed: speeds.draw(random), is_rs_peer: !row.is_rs_peer }),
  poc: (random) => ({ phone: phoneNumber(random) }),
  fac: (random) => ({ clli: `SYN${random.int(100, 999)}` }),
  netfac: () => ({}),
  ixfac: () => ({}),
};

/** Deleting a parent deletes these children (as PeeringDB does). */
const CASCADES: Partial<Record<Tag, [Tag, string][]>> = {
  net: [['netixlan', 'net_id'], ['netfac', 'net_id'], ['poc', 'net_id']],
  ix: [['ixlan', 'ix_id'], ['ixfac', 'ix_id'], ['netixlan', 'ix_id']],
  ixlan: [['ixpfx', 'ixlan_id']],
  fac: [['netfac', 'fac_id'], ['ixfac', 'fac_id']],
};
/** PeeringDB refuses to delete an org that still owns ok objects. */
const BLOCKERS: Partial<Record<Tag, [Tag, string][]>> = {
  org: [['net', 'org_id'], ['ix', 'org_id'], ['fac', 'org_id']],
};
/** ixlan and ixpfx only go with their IX. */
const DELETED_DIRECTLY: readonly Tag[] = ['poc', 'netixlan', 'netfac', 'ixfac', 'net', 'fac', 'ix', 'org'];

const foreignKey = (row: AnyRow, field: string) => (row as unknown as Record<string, number>)[field];

export function applyMutation(target: MutationTarget, random: Random, fraction: number, stampMs: number): MutationSummary {
  const updated = isoSeconds(stampMs);
  const zero = () => Object.fromEntries(TAGS.map((tag) => [tag, 0])) as Record<Tag, number>;
  const summary: MutationSummary = { updated, changed: zero(), deleted: zero(), added: zero() };
  const editable = <T extends Tag>(tag: T) => target.okRows(tag).filter((row) => !target.isFixture(tag, row.id));
  const churn = (tag: Tag) => (fraction > 0 ? Math.max(1, Math.round((editable(tag).length * fraction) / 5)) : 0);

  const change = <T extends Tag>(tag: T) => {
    const rows = editable(tag);
    for (const row of random.sample(rows, Math.min(rows.length, Math.ceil(rows.length * fraction)))) {
      target.put(tag, { ...row, ...(CHANGES[tag] as Change<T>)(random, row), updated });
      summary.changed[tag]++;
    }
  };
  TAGS.forEach(change);

  const children = new Map<string, Map<number, number[]>>();
  const childIds = (tag: Tag, field: string, parentId: number): number[] => {
    let index = children.get(`${tag}.${field}`);
    if (!index) {
      index = new Map();
      for (const row of target.okRows(tag)) {
        const siblings = index.get(foreignKey(row, field));
        if (siblings) siblings.push(row.id);
        else index.set(foreignKey(row, field), [row.id]);
      }
      children.set(`${tag}.${field}`, index);
    }
    return (index.get(parentId) ?? []).filter((id) => target.get(tag, id)?.status === 'ok');
  };
  /** The row and every row its deletion cascades to, or null when PeeringDB would refuse or a fixture is hit. */
  const deletion = (tag: Tag, id: number): [Tag, number][] | null => {
    if (target.isFixture(tag, id) || target.get(tag, id)?.status !== 'ok') return null;
    if ((BLOCKERS[tag] ?? []).some(([child, field]) => childIds(child, field, id).length > 0)) return null;
    const closure: [Tag, number][] = [[tag, id]];
    for (const [child, field] of CASCADES[tag] ?? []) {
      for (const childId of childIds(child, field, id)) {
        const rest = deletion(child, childId);
        if (!rest) return null;
        closure.push(...rest);
      }
    }
    return closure;
  };
  const markDeleted = <T extends Tag>(tag: T, id: number) => {
    const victim = target.get(tag, id);
    if (victim) target.put(tag, { ...victim, status: 'deleted', updated });
    summary.deleted[tag]++;
  };
  for (const tag of DELETED_DIRECTLY) {
    let wanted = churn(tag);
    for (const row of random.sample(editable(tag), wanted * 20)) {
      if (wanted === 0) break;
      const closure = deletion(tag, row.id);
      if (!closure) continue;
      for (const [victimTag, victimId] of closure) markDeleted(victimTag, victimId);
      wanted--;
    }
  }

  addRows(target, random, churn, stampMs, summary);
  return summary;
}

/** New rows of every tag, newest entities first so that new links can point at them. */
function addRows(target: MutationTarget, random: Random, churn: (tag: Tag) => number, stampMs: number, summary: MutationSummary): void {
  const stamp = { created: summary.updated, updated: summary.updated, status: 'ok' as const };
  const add = <T extends Tag>(tag: T, build: (id: number) => RowByTag[T]) => {
    const row = { ...build((target.rows(tag).at(-1)?.id ?? 0) + 1), ...stamp };
    target.put(tag, row);
    summary.added[tag]++;
    return row;
  };
  /** A random ok row that is no lab fixture, so the lab stays as documented. */
  const live = <T extends Tag>(tag: T): RowByTag[T] => {
    const rows = target.okRows(tag);
    for (let attempt = 0; rows.length > 0 && attempt < 1000; attempt++) {
      const row = target.get(tag, random.pick(rows).id) as RowByTag[T];
      if (row.status === 'ok' && !target.isFixture(tag, row.id)) return row;
    }
    throw new Error(`mutation: no ok ${tag} left to link new rows to`);
  };
  /** A check that a link's two ends are already linked (PeeringDB keeps pairs unique); unseen pairs are recorded. */
  const linked = <T extends Tag>(tag: T, ends: (row: RowByTag[T]) => string) => {
    const pairs = new Set(target.okRows(tag).map(ends));
    return (key: string): boolean => {
      if (pairs.has(key)) return true;
      pairs.add(key);
      return false;
    };
  };
  const times = (tag: Tag, each: () => void) => Array.from({ length: churn(tag) }, each);
  const brand = () => brandOf(`${brandName(random)}${random.int(10, 99)}`);

  times('org', () => {
    const owner = brand();
    add('org', (id) => makeOrg(random, id, `${owner.name} ${random.pick(ORG_SUFFIXES)}`, owner, random.pick(CITIES), stampMs));
  });
  times('fac', () => {
    const org = live('org');
    const city = random.pick(CITIES);
    add('fac', (id) => makeFac(random, id, org, `${org.name} ${city.name} ${id}`, brandOf(org.name), city, stampMs));
  });

  const v4 = new Ipv4Allocator(SYNTHETIC_IPV4_POOLS);
  for (const row of target.rows('ixpfx')) if (row.protocol === 'IPv4') v4.skipPast(parseIpv4Block(row.prefix));
  times('ix', () => {
    const operator = brand();
    const city = random.pick(CITIES);
    const ix = add('ix', (id) => makeIx(random, id, live('org').id, `${operator.name}-IX ${city.name}`, operator, city, stampMs));
    const ixlan = add('ixlan', () => makeIxlan(random, ix, operator, stampMs));
    add('ixpfx', (id) => makeIxpfx(random, id, ixlan.id, 'IPv4', formatIpv4Block(v4.allocate(24)), stampMs));
    add('ixpfx', (id) => makeIxpfx(random, id, ixlan.id, 'IPv6', formatIpv6Network(syntheticIpv6Network(0x100000 + ixlan.id)), stampMs));
  });

  const lastAsn = target.rows('net').reduce((max, net) => Math.max(max, net.asn), 0);
  let nextAsn = Math.max(lastAsn + 1, 4_200_000_000);
  times('net', () => {
    const org = live('org');
    const name = `${brand().name} ${random.pick(NET_SUFFIXES)}`;
    add('net', (id) => makeNet(random, { id, orgId: org.id, name, brand: brandOf(name), asn: nextAsn++, size: random.next(), createdMs: stampMs }));
  });

  const ixfacExists = linked('ixfac', (row) => `${row.ix_id}/${row.fac_id}`);
  times('ixfac', () => {
    const [ix, fac] = [live('ix'), live('fac')];
    if (!ixfacExists(`${ix.id}/${fac.id}`)) add('ixfac', (id) => makeIxfac(random, id, ix, fac, stampMs));
  });
  const lans = PeeringLans.fromRows(target.rows('ixpfx'), target.rows('netixlan'));
  const netixlanExists = linked('netixlan', (row) => `${row.net_id}/${row.ixlan_id}`);
  times('netixlan', () => {
    const [net, ixlan] = [live('net'), live('ixlan')];
    const ix = target.get('ix', ixlan.ix_id);
    if (!ix || netixlanExists(`${net.id}/${ixlan.id}`)) return;
    const addresses = lans.lan(ixlan.id).assign(net.asn);
    add('netixlan', (id) => makeNetixlan(random, { id, net, ix, ixlan, ...addresses, ixFacIds: [], createdMs: stampMs }));
  });
  const netfacExists = linked('netfac', (row) => `${row.net_id}/${row.fac_id}`);
  times('netfac', () => {
    const [net, fac] = [live('net'), live('fac')];
    if (!netfacExists(`${net.id}/${fac.id}`)) add('netfac', (id) => makeNetfac(random, id, net, fac, stampMs));
  });
  times('poc', () => add('poc', (id) => makePoc(random, id, live('net'), stampMs)));
}
