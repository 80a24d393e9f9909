import { and, eq } from 'drizzle-orm';
import { peerGroups } from '@/db/schema';
import { getExchange } from '@/db/queries/exchanges';
import { countPeerGroupSessions, findPeerGroup, getRouter } from '@/db/queries/routers';
import { mutation } from '@/lib/auth/mutation';
import { ServiceError, fieldError, notFound } from '@/lib/errors';
import { createPeerGroupInput, peerGroupIdInput } from './schemas';

/** Peer groups mirror what is configured on the router; creating or deleting one here never touches the router. */
export const createPeerGroup = mutation({
  action: 'peer_group.create',
  permission: 'routers.manage',
  input: createPeerGroupInput,
  async run({ tx, input, audit }) {
    const router = await getRouter(tx, input.routerId);
    if (!router) throw notFound('Router');
    const exchange = await getExchange(tx, input.ixId);
    if (!exchange || exchange.pdbStatus !== 'ok' || !exchange.connections.length) {
      throw fieldError('ixId', 'Choose an exchange where one of your ASNs is present');
    }
    const [clash] = await tx
      .select({ id: peerGroups.id })
      .from(peerGroups)
      .where(and(eq(peerGroups.routerId, router.id), eq(peerGroups.name, input.name), eq(peerGroups.family, input.family)));
    if (clash) throw fieldError('name', `${router.name} already has an IPv${input.family} peer group named ${input.name}`);
    const [group] = await tx.insert(peerGroups).values(input).returning();
    audit({ target: `peer_group:${group.id}`, details: { router: router.name, exchange: exchange.name, name: group.name, family: group.family } });
    return { ...group, exchangeName: exchange.name, sessions: 0 };
  },
});

export const deletePeerGroup = mutation({
  action: 'peer_group.delete',
  permission: 'routers.manage',
  input: peerGroupIdInput,
  async run({ tx, input, audit }) {
    const group = await findPeerGroup(tx, input.id);
    if (!group) throw notFound('Peer group');
    const sessions = await countPeerGroupSessions(tx, group.id);
    if (sessions) {
      throw new ServiceError('conflict', `${sessions} session${sessions === 1 ? ' uses' : 's use'} this peer group: move or delete ${sessions === 1 ? 'it' : 'them'} first`);
    }
    await tx.delete(peerGroups).where(eq(peerGroups.id, group.id));
    audit({ target: `peer_group:${group.id}`, details: { routerId: group.routerId, ixId: group.ixId, name: group.name, family: group.family } });
    return { id: group.id };
  },
});
