import { index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { changes } from './changes';
import { jobs } from './jobs';
import { routers } from './routers';
import { users } from './users';

/** rendered: the router is render-only; the text was produced and kept, nothing was sent. */
export const pushStatusEnum = pgEnum('push_status', ['pending', 'pushing', 'succeeded', 'failed', 'rendered']);

/** One connection and one commit to one router, carrying one or more sessions. */
export const configPushes = pgTable(
  'config_pushes',
  {
    id: serial('id').primaryKey(),
    routerId: integer('router_id')
      .notNull()
      .references(() => routers.id, { onDelete: 'cascade' }),
    sessionIds: jsonb('session_ids').$type<number[]>().notNull().default([]),
    operation: text('operation').notNull().default('configure'),
    jobId: integer('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    changeId: integer('change_id').references(() => changes.id, { onDelete: 'set null' }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    renderedConfig: text('rendered_config'),
    editedConfig: text('edited_config'),
    diff: text('diff'),
    output: text('output'),
    status: pushStatusEnum('status').notNull().default('pending'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('config_pushes_router_idx').on(t.routerId)],
);
