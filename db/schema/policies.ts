import { boolean, jsonb, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const policyDirectionEnum = pgEnum('policy_direction', ['import', 'export']);
/** router: a policy that already exists on the router under this name; rendered: Peerdesk writes it from the fields below. */
export const policySourceEnum = pgEnum('policy_source', ['router', 'rendered']);

/** A named import or export policy, assigned at peer group, peer (AS) or session level (session wins, then peer, then group). */
export const routingPolicies = pgTable(
  'routing_policies',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    direction: policyDirectionEnum('direction').notNull(),
    source: policySourceEnum('source').notNull().default('rendered'),
    description: text('description'),
    /** Standard or large communities the policy tags routes with, e.g. 65001:100 (exchange) or 65001:1:2 (peer type). */
    communities: jsonb('communities').$type<string[]>().notNull().default([]),
    /** Import: accept only prefixes on the peer's IRR prefix list. */
    irrFilter: boolean('irr_filter').notNull().default(true),
    /** Import: drop routes whose RPKI state is invalid (when an RTR cache is set). */
    dropInvalid: boolean('drop_invalid').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('routing_policies_name_key').on(t.name)],
);
