import { db } from '@/db/client';
import { countAwaitingApproval } from '@/db/queries/changes';
import { failingJobs, prefixHistory, sessionsByStatePerExchange } from '@/db/queries/dashboard';
import { findingCounts, findingPage } from '@/db/queries/findings';
import { peeringDbSummary } from '@/db/queries/peeringdb';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { listOpportunities } from '@/lib/findings/opportunities';
import { PEERINGDB_SYNC } from '@/lib/jobs/labels';
import { requestsNeedingAttention } from '@/lib/peering/pipeline';

/** How many of each the home page lists; the counts are of everything. */
const DASHBOARD_TOP = 5;

/**
 * The home page's reads, side by side: each asks the database for exactly what the page shows (the top
 * items and a count), so the page costs the same with 50 or 50,000 findings, requests or sessions.
 */
export function dashboardReads(actor: Actor, sessionId?: number) {
  return {
    counts: () => findingCounts(db()),
    findings: () => findingPage(db(), { limit: DASHBOARD_TOP, offset: 0 }),
    requests: () => requestsNeedingAttention(db(), DASHBOARD_TOP),
    opportunities: () => listOpportunities(db(), { limit: DASHBOARD_TOP, offset: 0 }),
    awaiting: () => (can(actor.role, 'changes.approve') ? countAwaitingApproval(db(), actor.id) : Promise.resolve(null)),
    failing: () => failingJobs(db(), DASHBOARD_TOP),
    sync: () => peeringDbSummary(db(), PEERINGDB_SYNC.name),
    bars: () => sessionsByStatePerExchange(db()),
    series: () => prefixHistory(db(), { sessionId }),
  };
}

export async function loadDashboard(actor: Actor, sessionId?: number) {
  const reads = dashboardReads(actor, sessionId);
  const [counts, findings, requests, opportunities, awaiting, failing, sync, chart, series] = await Promise.all([
    reads.counts(),
    reads.findings(),
    reads.requests(),
    reads.opportunities(),
    reads.awaiting(),
    reads.failing(),
    reads.sync(),
    reads.bars(),
    reads.series(),
  ]);
  return { counts, findings, requests, opportunities, awaiting, failing, sync, bars: chart.bars, barsAsOf: chart.computedAt, series };
}
