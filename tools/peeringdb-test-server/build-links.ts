// Builders for the rows that link entities (netixlan, netfac, ixfac) and for contacts (poc).
import { updatedAfter } from './build-entities';
import { type Random, Weighted } from './random';
import { type FacRow, type IxRow, type IxfacRow, type IxlanRow, type NetRow, type NetfacRow, type NetixlanRow, type PocRole, type PocRow, isoSeconds } from './schema';
import * as vocab from './vocabulary';

/** A link is never older than the things it links. */
function linkLifecycle(random: Random, parentsCreated: readonly string[], createdMs: number) {
  let created = isoSeconds(createdMs);
  let since = createdMs;
  for (const parent of parentsCreated) {
    if (parent <= created) continue;
    created = parent;
    since = Date.parse(parent);
  }
  return { created, updated: updatedAfter(random, since), status: 'ok' as const };
}

const speeds = new Weighted(vocab.SPEEDS);

/** Few ports name the facility they are in. */
function sideOf(random: Random, facIds: readonly number[]): number | null {
  return facIds.length > 0 && random.chance(0.07) ? random.pick(facIds) : null;
}

export interface NetixlanInput {
  id: number;
  net: NetRow;
  ix: IxRow;
  ixlan: IxlanRow;
  ipaddr4: string | null;
  ipaddr6: string | null;
  /** Facilities of the IX, for the rare rows that name the port's location. */
  ixFacIds: readonly number[];
  createdMs: number;
}

export function makeNetixlan(random: Random, input: NetixlanInput): NetixlanRow {
  const { id, net, ix, ixlan, ipaddr4, ipaddr6, ixFacIds, createdMs } = input;
  return {
    id, net_id: net.id, ix_id: ix.id, name: ixlan.name ? `${ix.name}: ${ixlan.name}` : ix.name, ixlan_id: ixlan.id,
    notes: '', speed: speeds.draw(random), asn: net.asn, ipaddr4, ipaddr6,
    is_rs_peer: random.chance(0.5), bfd_support: random.chance(0.02), operational: random.chance(0.99),
    net_side_id: sideOf(random, ixFacIds), ix_side_id: sideOf(random, ixFacIds),
    ...linkLifecycle(random, [net.created, ix.created], createdMs),
  };
}

const POC_NAMES: Record<PocRole, readonly string[]> = {
  NOC: ['NOC', '24x7 NOC', 'Network Operations'],
  Technical: ['Peering Team', 'Engineering', 'Network Engineering'],
  Policy: ['Peering', 'Peering Coordinator', 'Interconnection'],
  Abuse: ['Abuse Desk', 'Abuse'],
  Maintenance: ['Maintenance Notifications', 'Planned Works'],
  Sales: ['Sales', 'Wholesale Sales'],
  'Public Relations': ['Press Office', 'Communications'],
};
const MAILBOXES: Record<PocRole, string> = {
  NOC: 'noc', Technical: 'peering', Policy: 'peering', Abuse: 'abuse', Maintenance: 'maintenance', Sales: 'sales', 'Public Relations': 'press',
};
const roles = new Weighted(vocab.POC_ROLES);
const visibility = new Weighted(vocab.POC_VISIBILITY);

/** Contacts mail the network's own synthetic domain, or sometimes a shared example.net mailbox. */
export function makePoc(random: Random, id: number, net: NetRow, createdMs: number): PocRow {
  const role = roles.draw(random);
  const domain = random.chance(0.1) ? 'example.net' : `${vocab.slug(net.name.split(' ')[0])}.example`;
  const mailbox = domain === 'example.net' ? `${MAILBOXES[role]}-as${net.asn}` : MAILBOXES[role];
  return {
    id, net_id: net.id, role, visible: visibility.draw(random), name: random.pick(POC_NAMES[role]),
    phone: random.chance(0.35) ? '' : vocab.phoneNumber(random),
    email: random.chance(0.02) ? '' : `${mailbox}@${domain}`, url: '',
    ...linkLifecycle(random, [net.created], createdMs),
  };
}

export function makeNetfac(random: Random, id: number, net: NetRow, fac: FacRow, createdMs: number): NetfacRow {
  return {
    id, name: fac.name, city: fac.city, country: fac.country, net_id: net.id, fac_id: fac.id, local_asn: net.asn,
    ...linkLifecycle(random, [net.created, fac.created], createdMs),
  };
}

export function makeIxfac(random: Random, id: number, ix: IxRow, fac: FacRow, createdMs: number): IxfacRow {
  return {
    id, name: fac.name, city: fac.city, country: fac.country, ix_id: ix.id, fac_id: fac.id,
    ...linkLifecycle(random, [ix.created, fac.created], createdMs),
  };
}
