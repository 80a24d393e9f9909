import { and, eq, inArray, isNull } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { bgpSessions, findings, type Finding } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { mutation, refusal, validationFailure } from '@/lib/auth/mutation';
import { can } from '@/lib/auth/permissions';
import { afterRequest } from '@/lib/changes/after-request';
import type { ChangeRef } from '@/lib/changes/open';
import { requestChange } from '@/lib/changes/request';
import { isOnRouter } from '@/lib/config/configure';
import { ServiceError, notFound, type Result } from '@/lib/errors';
import { runSessionImport } from '@/lib/import/apply';
import { refreshFindings } from './compute';
import { changesRecord, remedies, type Remedy } from './remedies';
import { fixFindingsInput } from './schemas';

type Fixed = { id: number; remedy: Remedy; sessionIds: number[] };
type PushFix = { fixed: Fixed[]; changes: ChangeRef[]; jobs: number[] };

const asRemedy = (f: Finding): Remedy => {
  if (!f.remedy || !(remedies as readonly string[]).includes(f.remedy)) throw new ServiceError('conflict', `Finding ${f.id} (${f.kind}) has no one-click remedy: it needs a person`);
  return f.remedy as Remedy;
};

/**
 * Applies the remedies that push, in one transaction: the session records change first (a new
 * max-prefix, a session at the peer's new address), then every push goes through requestChange,
 * the path the Configure buttons take, so change control, windows and approval apply as for any push.
 */
const applyPushRemedies = afterRequest(
  mutation({
    action: 'finding.fix',
    permission: 'sessions.configure',
    input: fixFindingsInput,
    queuesJobs: true,
    async run({ tx, actor, input, audit }): Promise<PushFix> {
      const rows = await tx.select().from(findings).where(and(inArray(findings.id, input.ids), isNull(findings.resolvedAt)));
      for (const id of input.ids) if (!rows.some((r) => r.id === id)) throw notFound(`Open finding ${id}`);
      const byOperation = { configure: new Set<number>(), remove: new Set<number>() };
      const fixed: Fixed[] = [];
      for (const f of rows) {
        const remedy = asRemedy(f);
        if (changesRecord(remedy) && !can(actor.role, 'sessions.manage')) throw new ServiceError('forbidden', `Your role (${actor.role}) may not change sessions (sessions.manage)`);
        if (!f.sessionId) throw new ServiceError('conflict', `Finding ${f.id} is not about a session`);
        const touched = await applyRecordChange(tx, f, remedy, byOperation);
        fixed.push({ id: f.id, remedy, sessionIds: touched });
      }
      const changes: ChangeRef[] = [];
      const jobs: number[] = [];
      for (const [operation, ids] of Object.entries(byOperation) as ['configure' | 'remove', Set<number>][]) {
        if (!ids.size) continue;
        const result = await requestChange(tx, actor, { sessionIds: [...ids], operation, mode: input.mode, at: input.at });
        changes.push(...result.changes);
        if (result.job) jobs.push(result.job.id);
      }
      for (const f of fixed) audit({ target: `finding:${f.id}`, details: { remedy: f.remedy, sessions: f.sessionIds, changes: changes.map((c) => c.id) } });
      return { fixed, changes, jobs };
    },
  }),
);

/** The record side of a remedy; returns the sessions it touched and files them under the push they need. */
async function applyRecordChange(
  tx: Tx,
  f: Finding,
  remedy: Remedy,
  push: { configure: Set<number>; remove: Set<number> },
): Promise<number[]> {
  const [session] = await tx.select().from(bgpSessions).where(eq(bgpSessions.id, f.sessionId!));
  if (!session || session.removedAt) throw notFound(`Session ${f.sessionId}`);
  const details = f.details as { suggested?: number; newIp?: string };
  switch (remedy) {
    case 'update_max_prefix':
      if (!details.suggested) throw new ServiceError('conflict', `Finding ${f.id} suggests no max-prefix`);
      await tx.update(bgpSessions).set({ maxPrefixes: details.suggested, updatedAt: new Date() }).where(eq(bgpSessions.id, session.id));
      if (await isOnRouter(tx, session)) push.configure.add(session.id);
      return [session.id];
    case 'repush':
      push.configure.add(session.id);
      return [session.id];
    case 'remove_session':
      if (await isOnRouter(tx, session)) push.remove.add(session.id);
      else await tx.delete(bgpSessions).where(eq(bgpSessions.id, session.id));
      return [session.id];
    case 'move_session': {
      if (!details.newIp) throw new ServiceError('conflict', `Finding ${f.id} names no new address`);
      const { id: _id, peerIp: _ip, createdAt: _c, updatedAt: _u, configStatus: _s, configError: _e, ...kept } = session;
      const [moved] = await tx
        .insert(bgpSessions)
        .values({ ...kept, peerIp: details.newIp, bgpState: null, bgpStateChangedAt: null, bgpLastError: null, uptimeSeconds: null, prefixesReceived: null, lastPolledAt: null, notes: [session.notes, `Moved from ${session.peerIp} (PeeringDB lists ${details.newIp})`].filter(Boolean).join('\n') })
        .returning({ id: bgpSessions.id });
      push.configure.add(moved.id);
      if (await isOnRouter(tx, session)) push.remove.add(session.id);
      else await tx.delete(bgpSessions).where(eq(bgpSessions.id, session.id));
      return [session.id, moved.id];
    }
    case 'import_session':
      throw new ServiceError('conflict', `Finding ${f.id} is fixed by an import, not a push`);
  }
}

/**
 * POST /findings/{id}/fix and the bulk fix. Imports read the router first (outside any transaction,
 * as the Import page does) through the import service; everything else is one push request.
 * Findings are recomputed at once, so what was fixed in Peerdesk's records leaves the list now.
 */
export async function fixFindings(actor: Actor | null, raw: unknown): Promise<Result<{
  fixed: Fixed[];
  changes: ChangeRef[];
  jobs: number[];
  imported: number;
}>> {
  // The recorded refusal comes before anything is read, as for every other command.
  const refused = await refusal(actor, applyPushRemedies);
  if (refused) return refused;
  const parsed = fixFindingsInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: validationFailure(parsed.error) };
  const rows = await db().select().from(findings).where(inArray(findings.id, parsed.data.ids));
  const imports = rows.filter((r) => r.remedy === 'import_session' && !r.resolvedAt);
  const pushes = parsed.data.ids.filter((id) => !imports.some((r) => r.id === id));
  let imported = 0;
  const fixed: Fixed[] = [];
  for (const routerId of new Set(imports.map((r) => r.routerId!))) {
    const group = imports.filter((r) => r.routerId === routerId);
    const peerIps = group.map((r) => (r.details as { peerIp: string }).peerIp);
    const result = await runSessionImport(actor, { routerId, peerIps });
    if (!result.ok) return result;
    imported += result.data.created;
    fixed.push(...group.map((r) => ({ id: r.id, remedy: 'import_session' as const, sessionIds: [] })));
  }
  const pushed = pushes.length
    ? await applyPushRemedies(actor, { ...parsed.data, ids: pushes })
    : { ok: true as const, data: { fixed: [], changes: [], jobs: [] } };
  if (!pushed.ok) return pushed;
  await refreshFindings();
  return { ok: true, data: { ...pushed.data, fixed: [...fixed, ...pushed.data.fixed], imported } };
}
