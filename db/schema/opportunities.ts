import { bigint, boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every network at our exchanges with its opportunity score (lib/findings/score.ts), computed once per
 * change of what the score reads: PeeringDB's data (each sync) and our ASNs. Who we already peer with
 * or settled with is left to the read, so a new session or status counts at once.
 */
export const opportunityScores = pgTable(
  'opportunity_scores',
  {
    asn: bigint('asn', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    ixIds: integer('ix_ids').array().notNull(),
    policy: text('policy'),
    rsPeer: boolean('rs_peer').notNull(),
    infoType: text('info_type'),
    score: integer('score').notNull(),
    reasons: text('reasons').array().notNull(),
  },
  (t) => [index('opportunity_scores_rank_idx').on(t.score.desc(), t.asn)],
);

/** What the scores were computed from (opportunities.ts `basisSql`): one row, or none before the first computation. */
export const opportunityBasis = pgTable('opportunity_basis', {
  id: boolean('id').primaryKey().default(true),
  basis: text('basis').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});
