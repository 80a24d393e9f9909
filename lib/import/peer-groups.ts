import type { PlannedNeighbor } from './plan';

export type PeerGroupToCreate = { name: string; family: 4 | 6; exchange: { id: number; name: string } };

type ExistingGroup = { id: number; name: string; family: number; ixId: number | null };

/**
 * Which peer group each new session joins: the router's group of that name and family when there is
 * one, else a group created facing the exchange most of its new sessions are at. A group faces one
 * exchange, so a session at another exchange than its group's is imported without a group.
 * Sets `peerGroup` (and a `reason` when left out) on the new neighbors; returns the groups to create.
 */
export function planPeerGroups(
  entries: { planned: PlannedNeighbor; groupName: string | null }[],
  existing: ExistingGroup[],
): PeerGroupToCreate[] {
  const wanted = new Map<string, { name: string; family: 4 | 6; members: PlannedNeighbor[] }>();
  for (const { planned, groupName } of entries) {
    if (planned.decision !== 'new' || !groupName) continue;
    const key = `${planned.family} ${groupName}`;
    const group = wanted.get(key) ?? { name: groupName, family: planned.family, members: [] };
    group.members.push(planned);
    wanted.set(key, group);
  }

  const toCreate: PeerGroupToCreate[] = [];
  for (const { name, family, members } of wanted.values()) {
    const found = existing.find((group) => group.name === name && group.family === family);
    const created = found ? null : busiestExchange(members);
    if (!found && !created) {
      for (const member of members) member.reason = `peer group ${name} is not created: a peer group faces an exchange, and these sessions are on none`;
      continue;
    }
    if (created) toCreate.push({ name, family, exchange: created });
    const facing = found ? found.ixId : created!.id;
    for (const member of members) {
      // A private session (No Exchange) may sit in any group, as the session form allows.
      if (member.exchange && member.exchange.id !== facing) {
        member.reason = `peer group ${name} faces another exchange; imported without a peer group`;
      } else {
        member.peerGroup = { name, isNew: !found };
      }
    }
  }
  return toCreate;
}

/** The exchange most members are at (the first seen on a tie); null when they are all private. */
function busiestExchange(members: PlannedNeighbor[]) {
  const counts = new Map<number, { exchange: NonNullable<PlannedNeighbor['exchange']>; count: number }>();
  for (const { exchange } of members) {
    if (!exchange) continue;
    const entry = counts.get(exchange.id) ?? { exchange, count: 0 };
    entry.count++;
    counts.set(exchange.id, entry);
  }
  let best: { exchange: NonNullable<PlannedNeighbor['exchange']>; count: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.exchange ?? null;
}
