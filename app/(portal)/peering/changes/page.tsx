import type { Metadata } from 'next';
import Link from 'next/link';
import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { listChanges } from '@/db/queries/changes';
import { listRouters } from '@/db/queries/routers';
import { bgpSessions, changeStatusEnum } from '@/db/schema';
import { EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';
import { changeListFilters } from '@/lib/changes/schemas';
import { When } from '@/app/(portal)/scheduler/job-display';
import { ChangeStatusBadge, changeKindLabels, changeStatusLabels } from './change-display';

export const metadata: Metadata = { title: 'Changes' };

type Search = { status?: string; routerId?: string; offset?: string };

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePage('peering.read');
  const search = await searchParams;
  const page = readPage(search);
  const filters = {
    status: changeListFilters.shape.status.safeParse(search.status || undefined).data,
    routerId: changeListFilters.shape.routerId.safeParse(search.routerId || undefined).data,
  };
  const [rows, routers] = await Promise.all([
    listChanges(db(), { ...filters, offset: page.offset, limit: page.limit }),
    listRouters(db(), { limit: 500, offset: 0 }),
  ]);
  const shown = rows.slice(0, page.limit);
  // A reviewer scans for the peers a change touches, not for a count.
  const sessionIds = [...new Set(shown.flatMap((c) => c.sessionIds))];
  const sessions = sessionIds.length
    ? await db()
        .select({ id: bgpSessions.id, peerAsn: bgpSessions.peerAsn, peerName: bgpSessions.peerName })
        .from(bgpSessions)
        .where(inArray(bgpSessions.id, sessionIds))
    : [];
  const peers = new Map(sessions.map((s) => [s.id, `AS${s.peerAsn}${s.peerName ? ` ${s.peerName}` : ''}`]));
  const peersOf = (ids: number[]) => {
    const names = ids.map((id) => peers.get(id) ?? `session #${id}`);
    return names.length > 2 ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more` : names.join(', ');
  };
  return (
    <>
      <PageHeader title="Changes" />
      <form method="get" className="mb-3 flex flex-wrap items-end gap-2 text-sm" role="search">
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Status</span>
          <select name="status" defaultValue={filters.status ?? ''} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">Any</option>
            {changeStatusEnum.enumValues.map((s) => (
              <option key={s} value={s}>
                {changeStatusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Router</span>
          <select name="routerId" defaultValue={filters.routerId ?? ''} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">Any</option>
            {routers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
          Filter
        </button>
      </form>
      {shown.length === 0 && !page.offset ? (
        <EmptyState title="No changes">Every push to a router (1 click config, the Config Manager, admin up/down, removals, scheduled pushes) is listed here.</EmptyState>
      ) : (
        <Table head={['Change', 'Router', 'Sessions', 'Asked by', 'Asked', 'Approved by', 'Status']}>
          {shown.map((c) => (
            <tr key={c.id} data-testid={`change-${c.id}`} className="hover:bg-slate-50">
              <Cell>
                <Link href={`/peering/changes/${c.id}`} className="text-sky-800 hover:underline">
                  #{c.id} {changeKindLabels[c.kind] ?? c.kind}
                </Link>
              </Cell>
              <Cell>
                {c.routerName}
                {c.production && <span className="ml-1 text-xs text-amber-700">(production)</span>}
              </Cell>
              <Cell>{peersOf(c.sessionIds)}</Cell>
              <Cell>{c.author ?? <span className="text-slate-500">—</span>}</Cell>
              <Cell>
                <When at={c.createdAt} />
              </Cell>
              <Cell>{c.approver ?? <span className="text-slate-500">—</span>}</Cell>
              <Cell>
                <ChangeStatusBadge status={c.status} />
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      <Pager basePath="/peering/changes" params={{ status: filters.status, routerId: filters.routerId?.toString() }} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
    </>
  );
}
