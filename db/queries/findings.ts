import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { bgpSessions, findings, pdbExchanges, routers, type FindingKind, type FindingSeverity } from '@/db/schema';

export type FindingFilters = {
  kind?: FindingKind;
  severity?: FindingSeverity;
  ixId?: number;
  peerAsn?: number;
  limit: number;
  offset: number;
};

function openWhere(f: Omit<FindingFilters, 'limit' | 'offset'>): SQL | undefined {
  return and(
    isNull(findings.resolvedAt),
    f.kind ? eq(findings.kind, f.kind) : undefined,
    f.severity ? eq(findings.severity, f.severity) : undefined,
    f.ixId ? eq(findings.ixId, f.ixId) : undefined,
    f.peerAsn ? eq(findings.peerAsn, f.peerAsn) : undefined,
  );
}

/**
 * Open findings, most severe and oldest first, one page; the names a coordinator reads them by come along.
 * Not counted: findingCounts' per-kind and per-severity counts give a page that shows them its total.
 */
export function findingPage(db: Executor, f: FindingFilters) {
  return db
    .select({
      id: findings.id,
      kind: findings.kind,
      severity: findings.severity,
      sessionId: findings.sessionId,
      routerId: findings.routerId,
      peerAsn: findings.peerAsn,
      ixId: findings.ixId,
      details: findings.details,
      remedy: findings.remedy,
      since: findings.since,
      lastSeenAt: findings.lastSeenAt,
      peerName: bgpSessions.peerName,
      peerIp: sql<string | null>`host(${bgpSessions.peerIp})`,
      router: routers.name,
      exchange: pdbExchanges.name,
    })
    .from(findings)
    .leftJoin(bgpSessions, eq(bgpSessions.id, findings.sessionId))
    .leftJoin(routers, eq(routers.id, findings.routerId))
    .leftJoin(pdbExchanges, eq(pdbExchanges.id, findings.ixId))
    .where(openWhere(f))
    // The severity enum is declared most severe first, so its own order is the reading order, and the open-findings index serves it.
    .orderBy(findings.severity, findings.since, findings.id)
    .limit(f.limit)
    .offset(f.offset);
}

/** A page of open findings and how many match. */
export async function listFindings(db: Executor, f: FindingFilters) {
  const [rows, total] = await Promise.all([findingPage(db, f), countFindings(db, f)]);
  return { rows, total, limit: f.limit, offset: f.offset };
}

/** How many open findings match (the Findings page asks only for a filter findingCounts cannot answer: an exchange, a peer). */
export async function countFindings(db: Executor, f: Omit<FindingFilters, 'limit' | 'offset'>) {
  const [{ total }] = await db.select({ total: count() }).from(findings).where(openWhere(f));
  return total;
}

/** Open findings per kind and severity: the dashboard's counts and the Findings page's filter chips. */
export async function findingCounts(db: Executor) {
  return db
    .select({ kind: findings.kind, severity: findings.severity, n: count() })
    .from(findings)
    .where(isNull(findings.resolvedAt))
    .groupBy(findings.kind, findings.severity)
    .orderBy(desc(count()));
}

