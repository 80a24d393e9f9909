import { aliasedTable, and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { bgpSessions, changeApprovals, changes, configPushes, routers, users, type ChangeStatus } from '@/db/schema';

export type ChangeListFilter = { status?: ChangeStatus; routerId?: number };

const authors = aliasedTable(users, 'authors');
const approvers = aliasedTable(users, 'approvers');

/** Everything a reviewer sees of a change (texts already masked when stored). */
const changeColumns = {
  id: changes.id,
  status: changes.status,
  kind: changes.kind,
  routerId: changes.routerId,
  routerName: routers.name,
  production: routers.production,
  sessionIds: changes.sessionIds,
  authorId: changes.authorId,
  author: authors.email,
  approverId: changes.approverId,
  approver: approvers.email,
  candidate: changes.candidate,
  diff: changes.diff,
  diffNote: changes.diffNote,
  diffAt: changes.diffAt,
  requestedAt: changes.requestedAt,
  emergencyReason: changes.emergencyReason,
  jobId: changes.jobId,
  output: changes.output,
  error: changes.error,
  verification: changes.verification,
  rollback: changes.rollback,
  createdAt: changes.createdAt,
  updatedAt: changes.updatedAt,
  finishedAt: changes.finishedAt,
};

const conditions = (f: ChangeListFilter): (SQL | undefined)[] =>
  [f.status ? eq(changes.status, f.status) : undefined, f.routerId ? eq(changes.routerId, f.routerId) : undefined];

function selectChanges(db: Executor) {
  return db
    .select(changeColumns)
    .from(changes)
    .innerJoin(routers, eq(routers.id, changes.routerId))
    .leftJoin(authors, eq(authors.id, changes.authorId))
    .leftJoin(approvers, eq(approvers.id, changes.approverId));
}

/** The Changes page and GET /changes: those waiting for approval first, then newest first. */
export async function listChanges(db: Executor, params: ChangeListFilter & { limit: number; offset: number }) {
  return selectChanges(db)
    .where(and(...conditions(params)))
    .orderBy(sql`${changes.status} = 'pending_approval' desc`, desc(changes.id))
    .limit(params.limit + 1)
    .offset(params.offset);
}

/** One change with its sessions, decisions and push records. */
export async function getChange(db: Executor, id: number) {
  const [change] = await selectChanges(db).where(eq(changes.id, id));
  if (!change) return undefined;
  const sessions = change.sessionIds.length
    ? await db
        .select({
          id: bgpSessions.id,
          peerAsn: bgpSessions.peerAsn,
          peerIp: bgpSessions.peerIp,
          peerName: bgpSessions.peerName,
          configStatus: bgpSessions.configStatus,
          bgpState: bgpSessions.bgpState,
        })
        .from(bgpSessions)
        .where(inArray(bgpSessions.id, change.sessionIds))
        .orderBy(asc(bgpSessions.id))
    : [];
  const decisions = await db
    .select({
      decision: changeApprovals.decision,
      comment: changeApprovals.comment,
      actor: users.email,
      createdAt: changeApprovals.createdAt,
    })
    .from(changeApprovals)
    .leftJoin(users, eq(users.id, changeApprovals.actorId))
    .where(eq(changeApprovals.changeId, id))
    .orderBy(asc(changeApprovals.id));
  const pushes = await db
    .select({
      id: configPushes.id,
      status: configPushes.status,
      diff: configPushes.diff,
      output: configPushes.output,
      error: configPushes.error,
      createdAt: configPushes.createdAt,
    })
    .from(configPushes)
    .where(eq(configPushes.changeId, id))
    .orderBy(asc(configPushes.id));
  return { ...change, sessions, decisions, pushes };
}

export type ChangeView = Awaited<ReturnType<typeof listChanges>>[number];

/** The nav's count: changes waiting for someone other than this user to approve them. */
export async function countAwaitingApproval(db: Executor, notAuthoredBy: number | null) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(changes)
    .where(and(eq(changes.status, 'pending_approval'), notAuthoredBy === null ? undefined : sql`${changes.authorId} is distinct from ${notAuthoredBy}`));
  return row?.n ?? 0;
}

/** The change(s) a Scheduler job carries out. */
export async function changesOfJob(db: Executor, jobId: number) {
  return db
    .select({ id: changes.id, status: changes.status, routerName: routers.name })
    .from(changes)
    .innerJoin(routers, eq(routers.id, changes.routerId))
    .where(eq(changes.jobId, jobId))
    .orderBy(asc(changes.id));
}
