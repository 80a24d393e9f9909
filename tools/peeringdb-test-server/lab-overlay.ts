// The Peerdesk lab: our network AS65001, a peer AS65002 and the exchange LAB-IX, laid over any dataset.
import { makeFac, makeIx, makeIxlan, makeIxpfx, makeNet, makeOrg, brandOf } from './build-entities';
import { makeIxfac, makeNetfac, makeNetixlan, makePoc } from './build-links';
import { PeeringLans } from './peering-lans';
import { Random, hashSeed } from './random';
import type { Dataset, IxRow, IxlanRow, NetRow, NetixlanRow } from './schema';
import { CITIES } from './vocabulary';

/** Fixture ids start here, above every generated id, so they are the same at any seed and scale. */
export const LAB_ID_BASE = 900_000;

export const LAB = {
  localAsn: 65001,
  peerAsn: 65002,
  localOrgId: LAB_ID_BASE + 1,
  peerOrgId: LAB_ID_BASE + 2,
  labIxOrgId: LAB_ID_BASE + 3,
  localNetId: LAB_ID_BASE + 1,
  peerNetId: LAB_ID_BASE + 2,
  labIxId: LAB_ID_BASE + 1,
  labIxlanId: LAB_ID_BASE + 1,
  labIxpfx4Id: LAB_ID_BASE + 1,
  labIxpfx6Id: LAB_ID_BASE + 2,
  labPrefix4: '10.0.12.0/22',
  labPrefix6: '2001:db8:12::/64',
  localNetixlanId: LAB_ID_BASE + 1,
  localIpaddr4: '10.0.12.1',
  localIpaddr6: '2001:db8:12::1',
  peerNetixlanId: LAB_ID_BASE + 2,
  peerIpaddr4: '10.0.12.2',
  peerIpaddr6: '2001:db8:12::2',
  peerPolicyPocId: LAB_ID_BASE + 1,
  peerPolicyEmail: 'noc@peer.test',
  peerNocPocId: LAB_ID_BASE + 2,
  localNocPocId: LAB_ID_BASE + 3,
  labFacId: LAB_ID_BASE + 1,
  /** Synthetic IXs (largest, large, medium, small) where AS65001 also peers. */
  otherIxCount: 4,
  /** The first two of those (largest, large) also have AS65002. */
  sharedIxCount: 2,
  /** Synthetic networks at LAB-IX, addressed 10.0.13.1 upwards. */
  labIxSyntheticMembers: 20,
} as const;

const CREATED_MS = Date.UTC(2025, 0, 15, 9);
const FIXED = { created: '2025-01-15T09:00:00Z', updated: '2025-06-01T12:00:00Z', status: 'ok' as const };
const AMSTERDAM = CITIES.find((city) => city.name === 'Amsterdam') ?? CITIES[0];

/** Fixture rows are built from their own fixed stream: identical whatever the dataset's seed. */
export function labOverlay(dataset: Dataset, random: Random): void {
  const fixed = new Random(hashSeed('peerdesk-lab'));
  const lab = brandOf('Peerdesk Lab');
  const peer = brandOf('Lab Peer');
  const exchange = brandOf('LAB-IX');
  const org = (id: number, name: string, brand = lab) => ({ ...makeOrg(fixed, id, name, brand, AMSTERDAM, CREATED_MS), website: `https://www.${brand.domain}`, ...FIXED });
  const labOrg = org(LAB.localOrgId, 'Peerdesk Lab');
  const ixOrg = org(LAB.labIxOrgId, 'Peerdesk Lab Exchange Association', exchange);
  dataset.org.push(labOrg, org(LAB.peerOrgId, 'Lab Peer', peer), ixOrg);

  const net = (id: number, orgId: number, name: string, brand: typeof lab, asn: number, irr: string, v4: number, v6: number): NetRow => ({
    ...makeNet(fixed, { id, orgId, name, brand, asn, size: 0.4, createdMs: CREATED_MS }),
    irr_as_set: irr, info_type: 'NSP', info_types: ['NSP'], info_prefixes4: v4, info_prefixes6: v6,
    policy_general: 'Open', policy_url: `https://www.${brand.domain}/peering`, ...FIXED,
  });
  const localNet = net(LAB.localNetId, LAB.localOrgId, 'Peerdesk Lab Net', lab, LAB.localAsn, 'AS-PEERDESK', 10, 2);
  const peerNet = net(LAB.peerNetId, LAB.peerOrgId, 'Lab Peer Net', peer, LAB.peerAsn, 'AS-LABPEER', 100, 10);
  dataset.net.push(localNet, peerNet);

  const labIx: IxRow = {
    ...makeIx(fixed, LAB.labIxId, LAB.labIxOrgId, 'LAB-IX', exchange, AMSTERDAM, CREATED_MS),
    name_long: 'Peerdesk Lab Exchange', city: 'Amsterdam', country: 'NL', region_continent: 'Europe', proto_ipv6: true, ...FIXED,
  };
  const labIxlan: IxlanRow = { ...makeIxlan(fixed, labIx, exchange, CREATED_MS), name: 'Peering LAN', mtu: 1500, ...FIXED };
  dataset.ix.push(labIx);
  dataset.ixlan.push(labIxlan);
  dataset.ixpfx.push(
    { ...makeIxpfx(fixed, LAB.labIxpfx4Id, LAB.labIxlanId, 'IPv4', LAB.labPrefix4, CREATED_MS), in_dfz: false, ...FIXED },
    { ...makeIxpfx(fixed, LAB.labIxpfx6Id, LAB.labIxlanId, 'IPv6', LAB.labPrefix6, CREATED_MS), in_dfz: false, ...FIXED },
  );

  const labFac = { ...makeFac(fixed, LAB.labFacId, ixOrg, 'Peerdesk Lab DC Amsterdam', exchange, AMSTERDAM, CREATED_MS), ...FIXED };
  dataset.fac.push(labFac);
  dataset.ixfac.push({ ...makeIxfac(fixed, LAB_ID_BASE + 1, labIx, labFac, CREATED_MS), ...FIXED });
  dataset.netfac.push(
    { ...makeNetfac(fixed, LAB_ID_BASE + 1, localNet, labFac, CREATED_MS), ...FIXED },
    { ...makeNetfac(fixed, LAB_ID_BASE + 2, peerNet, labFac, CREATED_MS), ...FIXED },
  );

  const poc = (id: number, owner: NetRow, role: 'Policy' | 'NOC' | 'Technical', visible: 'Public' | 'Users', name: string, email: string) => ({
    ...makePoc(fixed, id, owner, CREATED_MS), role, visible, name, email, ...FIXED,
  });
  dataset.poc.push(
    poc(LAB.peerPolicyPocId, peerNet, 'Policy', 'Public', 'Lab Peer Peering', LAB.peerPolicyEmail),
    poc(LAB.peerNocPocId, peerNet, 'NOC', 'Users', 'Lab Peer NOC', 'noc-24x7@peer.test'),
    poc(LAB.localNocPocId, localNet, 'Technical', 'Public', 'Peerdesk Lab NOC', `noc@${lab.domain}`),
  );

  const netixlans: NetixlanRow[] = [];
  const port = (id: number, member: NetRow, ix: IxRow, ixlan: IxlanRow, ipaddr4: string | null, ipaddr6: string | null) => {
    const row = makeNetixlan(fixed, { id, net: member, ix, ixlan, ipaddr4, ipaddr6, ixFacIds: [], createdMs: CREATED_MS });
    netixlans.push({ ...row, speed: 10000, operational: true, ...FIXED });
  };
  port(LAB.localNetixlanId, localNet, labIx, labIxlan, LAB.localIpaddr4, LAB.localIpaddr6);
  port(LAB.peerNetixlanId, peerNet, labIx, labIxlan, LAB.peerIpaddr4, LAB.peerIpaddr6);

  const synthetic = dataset.net.filter((row) => row.status === 'ok' && row.id < LAB_ID_BASE);
  random.sample(synthetic, LAB.labIxSyntheticMembers).forEach((member, i) => {
    port(LAB_ID_BASE + 11 + i, member, labIx, labIxlan, `10.0.13.${i + 1}`, `2001:db8:12::13:${(i + 1).toString(16)}`);
  });

  const lans = PeeringLans.fromRows(dataset.ixpfx, dataset.netixlan);
  otherExchanges(dataset, lans).forEach(([ix, ixlan], i) => {
    const local = lans.lan(ixlan.id).assign(LAB.localAsn);
    port(LAB_ID_BASE + 3 + i, localNet, ix, ixlan, local.ipaddr4, local.ipaddr6);
    if (i >= LAB.sharedIxCount) return;
    const shared = lans.lan(ixlan.id).assign(LAB.peerAsn);
    port(LAB_ID_BASE + 7 + i, peerNet, ix, ixlan, shared.ipaddr4, shared.ipaddr6);
  });
  dataset.netixlan.push(...netixlans.sort((a, b) => a.id - b.id));
}

/** Synthetic IXs at fixed quantiles of size (largest, large, medium, small), dual-stack when there are enough. */
function otherExchanges(dataset: Dataset, lans: PeeringLans): [IxRow, IxlanRow][] {
  const members = new Map<number, number>();
  for (const row of dataset.netixlan) if (row.status === 'ok') members.set(row.ix_id, (members.get(row.ix_id) ?? 0) + 1);
  const ixs = new Map(dataset.ix.map((ix) => [ix.id, ix]));
  const addressable = dataset.ixlan.filter((ixlan) => ixlan.id < LAB_ID_BASE && ixs.has(ixlan.ix_id) && lans.lan(ixlan.id).hasIpv4);
  const dualStack = addressable.filter((ixlan) => lans.lan(ixlan.id).hasIpv6);
  const candidates = (dualStack.length >= LAB.otherIxCount ? dualStack : addressable)
    .sort((a, b) => (members.get(b.ix_id) ?? 0) - (members.get(a.ix_id) ?? 0) || a.id - b.id);
  const picked = new Set<number>();
  for (const quantile of [0, 0.1, 0.5, 0.9]) {
    let index = Math.round((candidates.length - 1) * quantile);
    while (picked.has(index) && index < candidates.length - 1) index++;
    picked.add(index);
  }
  return [...picked].map((index): [IxRow, IxlanRow] => {
    const ixlan = candidates[index];
    return [ixs.get(ixlan.ix_id) as IxRow, ixlan];
  });
}
