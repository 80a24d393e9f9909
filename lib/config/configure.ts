import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { bgpSessions, configPushes, routers, type ConfigStatus, type Job } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { mutation } from '@/lib/auth/mutation';
import { ServiceError, fieldError, notFound } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/queue';
import type { PushOperation } from './drivers/types';
import { configureSessionInput, sessionAdminStateInput } from './schemas';

export const PUSH_JOB = 'config.push';
const HOUR_MS = 3_600_000;
// A time picked a little while ago in an open form still means "soon", not "the past".
const SLACK_MS = 60_000;

/** What the config.push job carries. `previous` lets a cancelled job put each session back where it was. */
export type PushPayload = {
  sessionIds: number[];
  operation: PushOperation;
  editedConfig?: string;
  previous?: Record<string, ConfigStatus>;
  /** Test and benchmark knobs: seconds to wait for Established, and the router time limit. */
  verifySeconds?: number;
  timeoutMs?: number;
};

const verbs: Record<PushOperation, string> = { configure: 'Configure', remove: 'Remove', admin_down: 'Admin down', admin_up: 'Admin up' };
const plural = (n: number) => `${n} session${n === 1 ? '' : 's'}`;

/**
 * Enqueues ONE config.push job for these sessions (any number of routers) and marks them Configuring
 * (now) or Scheduled. The caller kicks the scheduler after its transaction commits when mode is now.
 */
export async function queueConfigure(
  tx: Tx,
  actor: Actor,
  input: { sessionIds: number[]; operation?: PushOperation; mode: 'now' | 'schedule'; at?: Date; editedConfig?: string },
): Promise<Job> {
  const ids = [...new Set(input.sessionIds)];
  if (!ids.length) throw fieldError('sessionIds', 'Choose at least one session');
  const operation = input.operation ?? 'configure';
  if (input.editedConfig !== undefined && ids.length !== 1) throw fieldError('config', 'An edited configuration is for one session at a time');
  const runAt = input.mode === 'now' ? new Date() : (input.at ?? new Date(Date.now() + HOUR_MS));
  if (input.mode === 'schedule' && runAt.getTime() < Date.now() - SLACK_MS) throw fieldError('at', 'That time has passed: pick a later one, or configure now');

  const rows = await tx
    .select({ id: bgpSessions.id, status: bgpSessions.configStatus, removedAt: bgpSessions.removedAt, peerAsn: bgpSessions.peerAsn, peerIp: bgpSessions.peerIp, router: routers.name })
    .from(bgpSessions)
    .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
    .where(inArray(bgpSessions.id, ids))
    .for('update', { of: bgpSessions });
  for (const id of ids) if (!rows.some((r) => r.id === id)) throw notFound(`Session ${id}`);
  for (const r of rows) {
    const label = `AS${r.peerAsn} ${r.peerIp} on ${r.router}`;
    if (r.removedAt) throw new ServiceError('conflict', `${label} was removed: it can no longer be configured`);
    if (r.status === 'configuring' || r.status === 'scheduled') {
      throw new ServiceError('conflict', `${label} is ${r.status === 'configuring' ? 'being configured now' : 'scheduled already'}: wait for that job, or cancel it in the Scheduler`);
    }
  }

  const routerNames = [...new Set(rows.map((r) => r.router))].sort();
  const payload: PushPayload = {
    sessionIds: ids,
    operation,
    ...(input.editedConfig !== undefined && { editedConfig: input.editedConfig }),
    previous: Object.fromEntries(rows.map((r) => [String(r.id), r.status])),
  };
  const job = await enqueueJob(tx, {
    kind: PUSH_JOB,
    payload,
    runAt,
    createdBy: actor.id,
    summary: `${verbs[operation]} ${plural(ids.length)} on ${routerNames.join(', ')}`,
  });
  await tx
    .update(bgpSessions)
    .set({ configStatus: input.mode === 'now' ? 'configuring' : 'scheduled', configError: null, updatedAt: new Date() })
    .where(inArray(bgpSessions.id, ids));
  return job;
}

/** Undoes what scheduling promised: sessions still Scheduled by this job go back to where they were. */
export async function cancelPush(tx: Tx, job: Job) {
  const payload = job.payload as PushPayload;
  for (const id of payload.sessionIds ?? []) {
    const back = payload.previous?.[String(id)] ?? 'not_configured';
    await tx
      .update(bgpSessions)
      .set({ configStatus: back === 'scheduled' || back === 'configuring' ? 'not_configured' : back, updatedAt: new Date() })
      .where(and(eq(bgpSessions.id, id), eq(bgpSessions.configStatus, 'scheduled')));
  }
}

/**
 * Whether the router may carry this session: it is Configured, or in Error after a push that once
 * succeeded (a failed change or removal leaves the earlier configuration in place).
 */
export async function isOnRouter(tx: Tx, session: { id: number; configStatus: ConfigStatus }) {
  if (session.configStatus === 'configured') return true;
  if (session.configStatus !== 'error') return false;
  const [pushed] = await tx
    .select({ id: configPushes.id })
    .from(configPushes)
    .where(and(eq(configPushes.status, 'succeeded'), sql`${configPushes.sessionIds} @> ${JSON.stringify([session.id])}::jsonb`))
    .limit(1);
  return !!pushed;
}

const jobRef = (job: Job) => ({ id: job.id, status: job.status, runAt: job.runAt });

/** 1 click config, or the Config Manager's push of its edited text; now or at a time. */
export const configureSession = mutation({
  action: 'session.configure',
  permission: 'sessions.configure',
  input: configureSessionInput,
  async run({ tx, actor, input, audit }) {
    const job = await queueConfigure(tx, actor, { sessionIds: [input.sessionId], mode: input.mode, at: input.at, editedConfig: input.config });
    audit({ target: `session:${input.sessionId}`, details: { job: job.id, mode: input.mode, runAt: job.runAt.toISOString(), edited: input.config !== undefined } });
    return { job: jobRef(job) };
  },
});

/**
 * Admin Down / Admin Up. A session on the router is shut down or brought up there (a push now);
 * one that is not only records the choice, which the next configuration carries.
 */
export const setSessionAdminState = mutation({
  action: 'session.admin_state',
  permission: 'sessions.configure',
  input: sessionAdminStateInput,
  async run({ tx, actor, input, audit }) {
    const [session] = await tx.select().from(bgpSessions).where(eq(bgpSessions.id, input.sessionId));
    if (!session) throw notFound('Session');
    if (session.removedAt) throw new ServiceError('conflict', 'This session was removed');
    if (!(await isOnRouter(tx, session))) {
      if (session.configStatus === 'configuring' || session.configStatus === 'scheduled') {
        throw new ServiceError('conflict', 'The session is being configured: change its admin state once that job is done');
      }
      await tx.update(bgpSessions).set({ adminDown: input.adminDown, updatedAt: new Date() }).where(eq(bgpSessions.id, session.id));
      audit({ target: `session:${session.id}`, details: { adminDown: input.adminDown, onRouter: false } });
      return { adminDown: input.adminDown, job: null };
    }
    const operation = input.adminDown ? 'admin_down' : 'admin_up';
    const job = await queueConfigure(tx, actor, { sessionIds: [session.id], operation, mode: 'now' });
    audit({ target: `session:${session.id}`, details: { adminDown: input.adminDown, onRouter: true, job: job.id } });
    return { adminDown: input.adminDown, job: jobRef(job) };
  },
});
