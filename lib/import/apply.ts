import { db, type Tx } from '@/db/client';
import { routerPeerGroups } from '@/db/queries/session-import';
import { bgpSessions, peerGroups } from '@/db/schema';
import { analyzeTables } from '@/db/statistics';
import type { Actor } from '@/lib/auth/actor';
import { mutation, query } from '@/lib/auth/mutation';
import type { ImportWarning } from './types';
import type { Result } from '@/lib/errors';
import { recordRouterNeighbors } from '@/lib/findings/history';
import type { PeerGroupToCreate } from './peer-groups';
import { classifyNeighbors, planImport, readImportSource, type ImportPlan, type PlannedNeighbor } from './plan';
import { importRequestInput, importSessionsInput } from './schemas';

export type ImportReport = {
  dryRun: boolean;
  router: ImportPlan['router'];
  /** Sessions created (a dry run: that would be created). */
  created: number;
  alreadyPresent: number;
  skipped: { peerIp: string; line: number; reason: string }[];
  peerGroupsCreated: PeerGroupToCreate[];
  warnings: ImportWarning[];
  neighbors: PlannedNeighbor[];
};

// Well under PostgreSQL's 65,535 parameters per statement at ~15 columns a row.
const CHUNK = 1000;

const groupKey = (family: number, name: string) => `${family} ${name}`;

/**
 * Imports a router's BGP neighbors as sessions that are already configured there. The router is read
 * (when no text is given) before the transaction, so a slow router holds no database lock; the plan is
 * made again inside the transaction, so what is written matches the database at that moment: importing
 * the same configuration twice creates nothing the second time.
 */
export const importSessions = mutation({
  action: 'sessions.import',
  permission: 'import.run',
  input: importSessionsInput,
  prepare: ({ input }) => readImportSource(db(), input),
  async run({ tx, input, prepared: { router, found }, audit }) {
    const whole = await classifyNeighbors(tx, router, found);
    await recordRouterNeighbors(router.id, 'import', whole.neighbors.map((n) => ({ peerIp: n.peerIp, peerAsn: n.remoteAsn ?? null, state: null })), tx);
    const plan = input.peerIps ? { ...whole, neighbors: whole.neighbors.filter((n) => input.peerIps!.includes(n.peerIp)) } : whole;
    const { created: groupsCreated, ids: groupIds } = await createPeerGroups(tx, router.id, plan.peerGroupsToCreate);

    const fresh = plan.neighbors.filter((n) => n.decision === 'new');
    const imported = `Imported from ${router.name} on ${new Date().toISOString().slice(0, 10)}`;
    const rows = fresh.map((n) => ({
      routerId: router.id,
      ixId: n.exchange?.id ?? null,
      peerGroupId: n.peerGroup ? (groupIds.get(groupKey(n.family, n.peerGroup.name)) ?? null) : null,
      localAsn: n.localAsn,
      peerAsn: n.remoteAsn!,
      peerName: n.peeringDbName,
      peerIp: n.peerIp,
      localIp: n.localIp,
      type: n.type,
      maxPrefixes: n.maxPrefixes,
      description: n.description,
      notes: [imported, n.shutdown && 'Shutdown on the router', n.hasMd5 && 'MD5 set on the router (key not imported)', n.reason]
        .filter(Boolean)
        .join('\n'),
      configStatus: 'configured' as const,
      adminDown: n.shutdown,
    }));
    const createdIps = new Set<string>();
    for (let start = 0; start < rows.length; start += CHUNK) {
      // A session another import added since the plan was made is left as it is.
      const inserted = await tx.insert(bgpSessions)
        .values(rows.slice(start, start + CHUNK))
        .onConflictDoNothing()
        .returning({ peerIp: bgpSessions.peerIp });
      for (const row of inserted) createdIps.add(row.peerIp);
    }
    for (const n of fresh) if (!createdIps.has(n.peerIp)) n.decision = 'present';

    const report = reportOf({ ...plan, peerGroupsToCreate: groupsCreated }, false);
    audit({
      target: `router:${router.id}`,
      details: {
        router: router.name,
        created: report.created,
        alreadyPresent: report.alreadyPresent,
        skipped: report.skipped.length,
        peerGroupsCreated: groupsCreated.map((g) => `${g.name} (IPv${g.family})`),
      },
    });
    return report;
  },
});

async function createPeerGroups(tx: Tx, routerId: number, groups: PeerGroupToCreate[]) {
  const inserted = groups.length
    ? await tx
        .insert(peerGroups)
        .values(groups.map((g) => ({ routerId, name: g.name, family: g.family, ixId: g.exchange.id })))
        .onConflictDoNothing()
        .returning({ name: peerGroups.name, family: peerGroups.family })
    : [];
  const insertedKeys = new Set(inserted.map((g) => groupKey(g.family, g.name)));
  const ids = new Map((await routerPeerGroups(tx, routerId)).map((g) => [groupKey(g.family, g.name), g.id]));
  return { created: groups.filter((g) => insertedKeys.has(groupKey(g.family, g.name))), ids };
}

function reportOf(plan: ImportPlan, dryRun: boolean): ImportReport {
  const count = (decision: PlannedNeighbor['decision']) => plan.neighbors.filter((n) => n.decision === decision).length;
  return {
    dryRun,
    router: plan.router,
    created: count('new'),
    alreadyPresent: count('present'),
    skipped: plan.neighbors.filter((n) => n.decision === 'skipped').map((n) => ({ peerIp: n.peerIp, line: n.line, reason: n.reason ?? '' })),
    peerGroupsCreated: plan.peerGroupsToCreate,
    warnings: plan.warnings,
    neighbors: plan.neighbors,
  };
}

/** The dry run: every neighbor with what importing would do with it. Changes nothing, so no audit row. */
export const planSessionImport = query({
  name: 'sessions.import',
  permission: 'import.run',
  input: importRequestInput,
  run: async ({ input }) => reportOf(await planImport(db(), input), true),
});

/** The one entry for the page, the API and the CLI: plans (`dryRun`) or imports. */
export async function runSessionImport(actor: Actor | null, raw: unknown): Promise<Result<ImportReport>> {
  // Anything but a plain "no" goes to the dry run, whose input check refuses a dryRun that is not a boolean.
  const dryRun = (raw as { dryRun?: unknown } | null)?.dryRun;
  if (dryRun !== undefined && dryRun !== false) return planSessionImport(actor, raw);
  const result = await importSessions(actor, raw);
  if (result.ok) await analyzeImported();
  return result;
}

/** An import can multiply the session count at once: the Sessions and Peers pages need statistics that know it. */
export const analyzeImported = () => analyzeTables(db(), ['bgp_sessions', 'peer_groups']);
