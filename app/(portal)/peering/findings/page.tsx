import type { Metadata } from 'next';
import { db } from '@/db/client';
import { countFindings, findingCounts, findingPage } from '@/db/queries/findings';
import { findingKindEnum, findingSeverityEnum } from '@/db/schema';
import { EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { describeFinding, findingKindLabels } from '@/lib/findings/describe';
import type { Remedy } from '@/lib/findings/remedies';
import { findingsQuery } from '@/lib/findings/schemas';
import { utc } from '@/app/(portal)/scheduler/job-display';
import { FindingList } from './finding-list';

export const metadata: Metadata = { title: 'Findings' };

type Search = { kind?: string; severity?: string; ixId?: string; peerAsn?: string; offset?: string };

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePage('peering.read');
  const search = await searchParams;
  const page = readPage(search);
  const parsed = findingsQuery.safeParse({
    kind: search.kind || undefined,
    severity: search.severity || undefined,
    ixId: search.ixId || undefined,
    peerAsn: search.peerAsn?.replace(/^AS/i, '') || undefined,
    limit: page.limit,
    offset: page.offset,
  });
  const filters = parsed.success ? parsed.data : findingsQuery.parse({ limit: page.limit, offset: page.offset });
  const [rows, counts, counted] = await Promise.all([
    findingPage(db(), filters),
    findingCounts(db()),
    filters.ixId || filters.peerAsn ? countFindings(db(), filters) : null,
  ]);
  // Without an exchange or a peer to filter on, the counts per kind and severity give the total.
  const { kind, severity } = filters;
  const matching = counts.filter((c) => (!kind || c.kind === kind) && (!severity || c.severity === severity));
  const total = counted ?? matching.reduce((n, c) => n + c.n, 0);
  const perKind = new Map<string, number>();
  for (const c of counts) perKind.set(c.kind, (perKind.get(c.kind) ?? 0) + c.n);
  const now = Date.now();
  return (
    <>
      <PageHeader title="Findings" />
      <p className="mb-3 text-sm text-slate-600">
        What PeeringDB says, what Peerdesk intends and what the routers do, compared after every PeeringDB sync and every BGP poll. A
        finding goes away by itself once its cause
        does; a fix is a change through the normal push path (and approval, when change control asks for it).
      </p>
      {!parsed.success && <p className="mb-2 text-sm text-rose-700">Some filters were not understood and are ignored.</p>}
      <form method="get" className="mb-3 flex flex-wrap items-end gap-2 text-sm" role="search">
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Kind</span>
          <select name="kind" defaultValue={filters.kind ?? ''} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">Any</option>
            {findingKindEnum.enumValues.map((k) => (
              <option key={k} value={k}>
                {findingKindLabels[k]} ({perKind.get(k) ?? 0})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Severity</span>
          <select name="severity" defaultValue={filters.severity ?? ''} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">Any</option>
            {findingSeverityEnum.enumValues.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Exchange id</span>
          <input name="ixId" defaultValue={filters.ixId ?? ''} className="w-24 rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Peer ASN</span>
          <input name="peerAsn" defaultValue={filters.peerAsn ?? ''} className="w-28 rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
          Filter
        </button>
      </form>
      {rows.length === 0 && !page.offset ? (
        <EmptyState title="Nothing to report">No open findings{parsed.success && (filters.kind || filters.severity || filters.ixId || filters.peerAsn) ? ' for these filters' : ''}.</EmptyState>
      ) : (
        <>
          <FindingList
            mayFix={can(actor.role, 'sessions.configure')}
            items={rows.map((f) => ({
              id: f.id,
              kind: f.kind,
              kindLabel: findingKindLabels[f.kind],
              severity: f.severity,
              what: describeFinding(f.kind, f.details, now),
              remedy: f.remedy as Remedy | null,
              sessionId: f.sessionId,
              peerAsn: f.peerAsn,
              peerName: f.peerName,
              peerIp: f.peerIp ?? ((f.details.peerIp as string | undefined) ?? null),
              router: f.router,
              exchange: f.exchange,
              since: utc(f.since),
            }))}
          />
          <Pager
            basePath="/peering/findings"
            params={{
              kind: filters.kind,
              severity: filters.severity,
              ixId: filters.ixId?.toString(),
              peerAsn: filters.peerAsn?.toString(),
            }}
            offset={page.offset}
            limit={page.limit}
            hasMore={page.offset + rows.length < total}
          />
        </>
      )}
    </>
  );
}
