import { and, eq, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { db, type Executor, type Tx } from '@/db/client';
import { bgpSessions, peerFilters, peerGroups, routingPolicies } from '@/db/schema';
import { mutation } from '@/lib/auth/mutation';
import { fieldError, notFound } from '@/lib/errors';
import { assignPoliciesInput, EXPORT_BY_NAME, peerAsSetInput, peerFiltersInput, policyIdInput, policyInput, updatePolicyInput } from './policy-schemas';

export async function listPolicies(executor: Executor = db()) {
  const uses = (col: AnyPgColumn) => sql<number>`(select count(*)::int from ${bgpSessions} where ${col} = ${routingPolicies.id} and ${bgpSessions.removedAt} is null)`;
  return executor
    .select({
      policy: routingPolicies,
      sessions: sql<number>`${uses(bgpSessions.importPolicyId)} + ${uses(bgpSessions.exportPolicyId)}`,
      peers: sql<number>`(select count(*)::int from ${peerFilters} where ${peerFilters.importPolicyId} = ${routingPolicies.id} or ${peerFilters.exportPolicyId} = ${routingPolicies.id})`,
      peerGroups: sql<number>`(select count(*)::int from ${peerGroups} where ${peerGroups.importPolicyId} = ${routingPolicies.id} or ${peerGroups.exportPolicyId} = ${routingPolicies.id})`,
    })
    .from(routingPolicies)
    .orderBy(routingPolicies.direction, routingPolicies.name);
}

export async function getPolicy(id: number, executor: Executor = db()) {
  const [row] = await executor.select().from(routingPolicies).where(eq(routingPolicies.id, id));
  return row ?? null;
}

async function ensureNameFree(tx: Tx, name: string, id?: number) {
  const [clash] = await tx
    .select({ id: routingPolicies.id })
    .from(routingPolicies)
    .where(and(eq(routingPolicies.name, name), id ? ne(routingPolicies.id, id) : undefined));
  if (clash) throw fieldError('name', `A policy named ${name} exists already`);
}

export const createPolicy = mutation({
  action: 'policy.create',
  permission: 'policies.manage',
  input: policyInput,
  async run({ tx, input, audit }) {
    await ensureNameFree(tx, input.name);
    const [row] = await tx.insert(routingPolicies).values(input).returning();
    audit({ target: `policy:${row.id}`, details: { ...input } });
    return row;
  },
});

export const updatePolicy = mutation({
  action: 'policy.update',
  permission: 'policies.manage',
  input: updatePolicyInput,
  async run({ tx, input: { id, ...changes }, audit }) {
    const before = await getPolicy(id, tx);
    if (!before) throw notFound('Policy');
    if (changes.name) await ensureNameFree(tx, changes.name, id);
    if ((changes.direction ?? before.direction) === 'export' && (changes.source ?? before.source) === 'rendered') throw fieldError('source', EXPORT_BY_NAME);
    const [row] = await tx.update(routingPolicies).set({ ...changes, updatedAt: new Date() }).where(eq(routingPolicies.id, id)).returning();
    audit({ target: `policy:${id}`, details: { before: { name: before.name }, changes } });
    return row;
  },
});

export const deletePolicy = mutation({
  action: 'policy.delete',
  permission: 'policies.manage',
  input: policyIdInput,
  async run({ tx, input, audit }) {
    const before = await getPolicy(input.id, tx);
    if (!before) throw notFound('Policy');
    // Whatever used it falls back to the next level (foreign keys set null), then to the session type's names.
    await tx.delete(routingPolicies).where(eq(routingPolicies.id, input.id));
    audit({ target: `policy:${input.id}`, details: { name: before.name } });
    return { id: input.id };
  },
});

async function checkDirection(tx: Tx, field: 'importPolicyId' | 'exportPolicyId', id: number | null | undefined) {
  if (!id) return;
  const policy = await getPolicy(id, tx);
  const direction = field === 'importPolicyId' ? 'import' : 'export';
  if (!policy) throw fieldError(field, 'No such policy');
  if (policy.direction !== direction) throw fieldError(field, `${policy.name} is an ${policy.direction} policy`);
}

/** Sets the import and/or export policy of a peer group, a peer (AS) or a session. Takes effect at the next configuration. */
export const assignPolicies = mutation({
  action: 'policy.assign',
  permission: 'peers.manage',
  input: assignPoliciesInput,
  async run({ tx, actor, input, audit }) {
    await checkDirection(tx, 'importPolicyId', input.importPolicyId);
    await checkDirection(tx, 'exportPolicyId', input.exportPolicyId);
    const set = {
      ...(input.importPolicyId !== undefined && { importPolicyId: input.importPolicyId }),
      ...(input.exportPolicyId !== undefined && { exportPolicyId: input.exportPolicyId }),
    };
    if (input.level === 'peer') {
      await tx
        .insert(peerFilters)
        .values({ peerAsn: input.id, ...set, updatedBy: actor.id })
        .onConflictDoUpdate({ target: peerFilters.peerAsn, set: { ...set, updatedAt: new Date(), updatedBy: actor.id } });
    } else if (Object.keys(set).length) {
      const table = input.level === 'session' ? bgpSessions : peerGroups;
      const rows = await tx.update(table).set(set).where(eq(table.id, input.id)).returning({ id: table.id });
      if (!rows.length) throw notFound(input.level === 'session' ? 'Session' : 'Peer group');
    }
    audit({ target: `${input.level}:${input.id}`, details: set });
    return { level: input.level, id: input.id, ...set };
  },
});

/** The AS-SET a peer's lists come from instead of PeeringDB's (null: PeeringDB's again). */
export const setPeerAsSet = mutation({
  action: 'peer.as_set',
  permission: 'peers.manage',
  input: peerAsSetInput,
  async run({ tx, actor, input, audit }) {
    await tx
      .insert(peerFilters)
      .values({ peerAsn: input.peerAsn, asSetOverride: input.asSet, updatedBy: actor.id })
      .onConflictDoUpdate({ target: peerFilters.peerAsn, set: { asSetOverride: input.asSet, updatedAt: new Date(), updatedBy: actor.id } });
    audit({ target: `peer:${input.peerAsn}`, details: { asSet: input.asSet } });
    return { peerAsn: input.peerAsn, asSet: input.asSet };
  },
});

/** The peer page's Filters form: AS-SET override and policies in one transaction. */
export const savePeerFilters = mutation({
  action: 'peer.filters',
  permission: 'peers.manage',
  input: peerFiltersInput,
  async run({ tx, actor, input, audit }) {
    await checkDirection(tx, 'importPolicyId', input.importPolicyId);
    await checkDirection(tx, 'exportPolicyId', input.exportPolicyId);
    const set = { asSetOverride: input.asSet, importPolicyId: input.importPolicyId, exportPolicyId: input.exportPolicyId };
    await tx
      .insert(peerFilters)
      .values({ peerAsn: input.peerAsn, ...set, updatedBy: actor.id })
      .onConflictDoUpdate({ target: peerFilters.peerAsn, set: { ...set, updatedAt: new Date(), updatedBy: actor.id } });
    audit({ target: `peer:${input.peerAsn}`, details: set });
    return { peerAsn: input.peerAsn, ...set };
  },
});

/** Which policy a session ends up with, and from which level. */
export async function effectivePolicies(executor: Executor, sessionId: number) {
  const [row] = await executor
    .select({ session: bgpSessions, group: peerGroups, peer: peerFilters })
    .from(bgpSessions)
    .leftJoin(peerGroups, eq(peerGroups.id, bgpSessions.peerGroupId))
    .leftJoin(peerFilters, eq(peerFilters.peerAsn, bgpSessions.peerAsn))
    .where(eq(bgpSessions.id, sessionId));
  if (!row) return null;
  const pick = (field: 'importPolicyId' | 'exportPolicyId') =>
    row.session[field] ? { id: row.session[field], level: 'session' as const } : row.peer?.[field] ? { id: row.peer[field], level: 'peer' as const } : row.group?.[field] ? { id: row.group[field], level: 'peer_group' as const } : null;
  const resolve = async (choice: ReturnType<typeof pick>) =>
    choice ? { ...choice, policy: (await getPolicy(choice.id, executor))! } : null;
  return { import: await resolve(pick('importPolicyId')), export: await resolve(pick('exportPolicyId')) };
}

