import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/db/client';
import { exchangeChoices, routerChoices } from '@/db/queries/session-choices';
import { listSessions, type SessionFilters, type SessionView } from '@/db/queries/sessions';
import { sessionFilters } from '@/lib/sessions/schemas';
import { EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { listLocalAsns } from '@/lib/settings/service';
import { SessionFilterForm } from './session-filters';
import { RefreshStatesButton } from './refresh-states-button';
import { SessionTable, type SessionListRow } from './session-table';

export const metadata: Metadata = { title: 'Sessions' };

/** What the table shows, and nothing else (never the MD5 key): the rows are all that the RSC payload carries. */
const sessionListRow = (s: SessionView): SessionListRow => ({
  id: s.id, localAsn: s.localAsn, routerName: s.routerName, peerAsn: s.peerAsn, peerName: s.peerName, peerIp: s.peerIp,
  exchangeName: s.exchangeName,
  ixId: s.ixId, peerGroupName: s.peerGroupName, type: s.type, prefixesReceived: s.prefixesReceived, maxPrefixes: s.maxPrefixes,
  routes: s.routes,
  configStatus: s.configStatus, configError: s.configError, bgpState: s.bgpState, bgpLastError: s.bgpLastError, adminDown: s.adminDown,
  uptimeSeconds: s.uptimeSeconds, lastPolledAt: s.lastPolledAt, notes: s.notes,
});

type Search = Partial<Record<keyof SessionFilters | 'q' | 'offset', string>>;

/** Each filter read on its own: a stale or hand-edited value is dropped, not an error page. */
function readFilters(search: Search): SessionFilters {
  const keys = Object.keys(sessionFilters.shape) as (keyof SessionFilters)[];
  return Object.fromEntries(keys.map((key) => [key, sessionFilters.shape[key].safeParse(search[key] || undefined).data])) as SessionFilters;
}

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePage('peering.read');
  const search = await searchParams;
  const page = readPage(search);
  const filters = readFilters(search);
  const filtered = !!page.q || Object.values(filters).some((v) => v !== undefined);
  const [rows, routers, localAsns] = await Promise.all([
    listSessions(db(), { ...page, ...filters, limit: page.limit + 1 }),
    routerChoices(db()),
    listLocalAsns(),
  ]);
  // The exchange filter's choices cost a query over the PeeringDB memberships: only worth it when there is something to filter.
  const exchanges = rows.length || filtered ? await exchangeChoices(db()) : [];
  const mayManage = can(actor.role, 'sessions.manage');
  const urlParams = Object.fromEntries(Object.entries({ q: page.q, ...filters }).map(([k, v]) =>
    [k, v === undefined ? undefined : String(v)]));
  return (
    <>
      <PageHeader title="BGP sessions">
        {mayManage && <RefreshStatesButton />}
        {mayManage && (
          <Link href="/peering/sessions/new" className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-sky-800">
            Add Session
          </Link>
        )}
      </PageHeader>
      <SessionFilterForm filters={filters} q={page.q} exchanges={exchanges} routers={routers} localAsns={localAsns} />
      {rows.length === 0 && !page.offset ? (
        <EmptyState title={filtered ? 'No session matches these filters' : 'No sessions yet'}>
          {filtered ? 'Clear a filter to see more sessions.' : mayManage ? 'Add one with Add Session: pick an exchange, a router and a peer.' : 'An Operator can add sessions.'}
        </EmptyState>
      ) : (
        <SessionTable rows={rows.slice(0, page.limit).map(sessionListRow)} mayManage={mayManage} mayConfigure={can(actor.role, 'sessions.configure')} />
      )}
      <Pager basePath="/peering/sessions" params={urlParams} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
    </>
  );
}
