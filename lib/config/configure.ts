import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { bgpSessions, configPushes, type ConfigStatus, type Job } from '@/db/schema';
import { mutation } from '@/lib/auth/mutation';
import { ServiceError, notFound } from '@/lib/errors';
import { afterRequest } from '@/lib/changes/after-request';
import { cancelChangesOfJob, type ChangeRef } from '@/lib/changes/open';
import { requestChange } from '@/lib/changes/request';
import { storableEdit } from './edit';
import type { PushPayload } from './push-payload';
import { configureSessionInput, sessionAdminStateInput } from './schemas';

// Every push path goes through lib/changes/request.ts, which uses it; tests queue pushes with it directly.
export { queueConfigure } from './queue-push';

/** Undoes what scheduling promised: sessions still Scheduled by this job go back to where they were. */
export async function cancelPush(tx: Tx, job: Job, payload: PushPayload) {
  await cancelChangesOfJob(tx, job.id);
  for (const id of payload.sessionIds) {
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

const jobRef = (job: Job | null) => job && { id: job.id, status: job.status, runAt: job.runAt };
const changeRef = (refs: ChangeRef[]) => refs[0] && { id: refs[0].id, status: refs[0].status };

/** 1 click config, or the Config Manager's push of its edited text; now or at a time. */
export const configureSession = afterRequest(
  mutation({
    action: 'session.configure',
    permission: 'sessions.configure',
    input: configureSessionInput,
    queuesJobs: true,
    async run({ tx, actor, input, audit }) {
      const { job, changes } = await requestChange(
        tx,
        actor,
        {
          sessionIds: [input.sessionId],
          mode: input.mode,
          at: input.at,
          editedConfig: await storableEdit(tx, input.sessionId, input.config),
          emergencyReason: input.emergencyReason,
        },
      );
      audit({ target: `session:${input.sessionId}`, details: { job: job?.id ?? null, change: changes[0]?.id, mode: input.mode, runAt: job?.runAt.toISOString(), edited: input.config !== undefined } });
      return { change: changeRef(changes), job: jobRef(job) };
    },
  }),
);

/**
 * Admin Down / Admin Up. A session on the router is shut down or brought up there (a push now);
 * one that is not only records the choice, which the next configuration carries.
 */
export const setSessionAdminState = afterRequest(
  mutation({
    action: 'session.admin_state',
    permission: 'sessions.configure',
    input: sessionAdminStateInput,
    queuesJobs: true,
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
        return { adminDown: input.adminDown, change: null, job: null };
      }
      const operation = input.adminDown ? 'admin_down' : 'admin_up';
      const { job, changes } = await requestChange(tx, actor, { sessionIds: [session.id], operation, mode: 'now', emergencyReason: input.emergencyReason });
      audit({ target: `session:${session.id}`, details: { adminDown: input.adminDown, onRouter: true, job: job?.id ?? null, change: changes[0]?.id } });
      return { adminDown: input.adminDown, change: changeRef(changes), job: jobRef(job) };
    },
  }),
);
