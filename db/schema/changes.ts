import { index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { jobs } from './jobs';
import { routers } from './routers';
import type { ConfigStatus } from './sessions';
import { users } from './users';

export const changeStatusEnum = pgEnum('change_status', [
  'pending_approval',
  'approved',
  'rejected',
  'scheduled',
  'running',
  'succeeded',
  'failed',
  'rolled_back',
  'cancelled',
]);
export const approvalDecisionEnum = pgEnum('approval_decision', ['approved', 'rejected', 'returned']);

/** What verification found after the push: per session, the state before and after, and why it failed. */
export type ChangeVerification = {
  seconds: number;
  ok: boolean;
  failures: string[];
  sessions: Array<{ peerIp: string; own: boolean; before: string | null; after: string | null }>;
  note?: string;
};
export type ChangeRollback = { reason: string; output: string; restored: boolean; at: string };

/**
 * One push to one router as a reviewable change: who asked, what it would apply (candidate, keys
 * masked), the diff against what the router ran when it was asked, who approved it, and how it ended.
 */
export const changes = pgTable(
  'changes',
  {
    id: serial('id').primaryKey(),
    /** The push operation: configure, remove, admin_down or admin_up. */
    kind: text('kind').notNull(),
    routerId: integer('router_id')
      .notNull()
      .references(() => routers.id, { onDelete: 'cascade' }),
    sessionIds: jsonb('session_ids').$type<number[]>().notNull().default([]),
    status: changeStatusEnum('status').notNull(),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    approverId: integer('approver_id').references(() => users.id, { onDelete: 'set null' }),
    /** The Config Manager's edit as typed (keys as ********), pushed instead of the rendered text. */
    editedConfig: text('edited_config'),
    candidate: text('candidate'),
    /** The router's text for these neighbors when the diff was taken; approval compares against it. */
    running: text('running'),
    diff: text('diff'),
    /** Why there is no diff (render-only router, unreachable), or what else the reviewer should know. */
    diffNote: text('diff_note'),
    diffAt: timestamp('diff_at', { withTimezone: true }),
    /** When the author wanted it to run (now or a scheduled time); a maintenance window may push it later. */
    requestedAt: timestamp('requested_at', { withTimezone: true }),
    /** Sessions' configuration status before the request, to put them back on reject, cancel or rollback. */
    previous: jsonb('previous').$type<Record<string, ConfigStatus>>().notNull().default({}),
    emergencyReason: text('emergency_reason'),
    jobId: integer('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    output: text('output'),
    error: text('error'),
    verification: jsonb('verification').$type<ChangeVerification>(),
    rollback: jsonb('rollback').$type<ChangeRollback>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('changes_router_idx').on(t.routerId), index('changes_status_idx').on(t.status), index('changes_job_idx').on(t.jobId)],
);

/** Every decision on a change, in order: approved, rejected, or returned for approval because the router drifted. */
export const changeApprovals = pgTable(
  'change_approvals',
  {
    id: serial('id').primaryKey(),
    changeId: integer('change_id')
      .notNull()
      .references(() => changes.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    decision: approvalDecisionEnum('decision').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('change_approvals_change_idx').on(t.changeId)],
);

/**
 * One change at a time per router, across app instances: the running change holds the router's row
 * here until it finishes or its lease runs out (the instance died).
 */
export const routerLocks = pgTable(
  'router_locks',
  {
    routerId: integer('router_id')
      .primaryKey()
      .references(() => routers.id, { onDelete: 'cascade' }),
    changeId: integer('change_id').notNull(),
    holder: text('holder').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('router_locks_change_key').on(t.changeId)],
);

export type Change = typeof changes.$inferSelect;
export type ChangeStatus = (typeof changeStatusEnum.enumValues)[number];
export type ChangeApproval = typeof changeApprovals.$inferSelect;
