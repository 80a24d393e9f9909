import { boolean, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { platformEnum } from './routers';
import { users } from './users';

export const templateKindEnum = pgEnum('template_kind', ['config', 'email']);

export const templates = pgTable(
  'templates',
  {
    id: serial('id').primaryKey(),
    kind: templateKindEnum('kind').notNull(),
    platform: platformEnum('platform'),
    name: text('name').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('templates_kind_name_key').on(t.kind, t.name)],
);

export const templateRevisions = pgTable(
  'template_revisions',
  {
    id: serial('id').primaryKey(),
    templateId: integer('template_id')
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('template_revisions_key').on(t.templateId, t.revision)],
);
