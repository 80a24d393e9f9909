import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/db/client';
import { exchangeChoices, routerChoices } from '@/db/queries/session-choices';
import { listSessions, sessionFilters, type SessionFilters } from '@/db/queries/sessions';
import { BgpFacts, BgpStateBadge, ConfigStatusBadge, PrefixUsage } from '@/components/sessions/session-badges';
import { EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { sessionTypeLabels } from '@/lib/sessions/schemas';
import { listLocalAsns } from '@/lib/settings/service';
import { SessionFilterForm } from './session-filters';
import { RefreshStatesButton } from './refresh-states-button';
import { SessionRowMenu } from './session-row-menu';

export const metadata: Metadata = { title: 'Sessions' };

type Search = Partial<Record<keyof SessionFilters | 'q' | 'offset', string>>;

/** Each filter read on its own: a stale or hand-edited value is dropped, not an error page. */
function readFilters(search: Search): SessionFilters {
  const keys = Object.keys(sessionFilters.shape) as (keyof SessionFilters)[];
  return Object.fromEntries(keys.map((key) => [key, sessionFilters.shape[key].safeParse(search[key] || undefined).data])) as SessionFilters;
}

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const search = await searchParams;
  const page = readPage(search);
  const filters = readFilters(search);
  const [rows, exchanges, routers, localAsns] = await Promise.all([
    listSessions(db(), { ...page, ...filters, limit: page.limit + 1 }),
    exchangeChoices(db()),
    routerChoices(db()),
    listLocalAsns(),
  ]);
  const mayManage = can(actor.role, 'sessions.manage');
  const filtered = !!page.q || Object.values(filters).some((v) => v !== undefined);
  const urlParams = Object.fromEntries(Object.entries({ q: page.q, ...filters }).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
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
        <Table head={['Source', 'Router', 'Peer', 'Destination', 'Exchange', 'Peer group', 'Type', 'Prefixes', 'Config status', 'BGP state', 'Notes', '']}>
          {rows.slice(0, page.limit).map((s) => (
            <tr key={s.id} data-testid={`session-${s.id}`} className="hover:bg-slate-50">
              <Cell className="font-mono">AS{s.localAsn}</Cell>
              <Cell>{s.routerName}</Cell>
              <Cell>
                <Link href={`/peering/sessions/${s.id}`} className="text-sky-800 hover:underline">
                  <span className="font-mono">AS{s.peerAsn}</span>
                </Link>
                {s.peerName && <div className="text-xs text-slate-600">{s.peerName}</div>}
              </Cell>
              <Cell className="font-mono">{s.peerIp}</Cell>
              <Cell>{s.exchangeName ?? <span className="text-slate-500">{s.ixId ? `#${s.ixId}` : 'No Exchange'}</span>}</Cell>
              <Cell>{s.peerGroupName ?? <span className="text-slate-500">—</span>}</Cell>
              <Cell className="whitespace-nowrap">{sessionTypeLabels[s.type]}</Cell>
              <Cell>
                <PrefixUsage received={s.prefixesReceived} max={s.maxPrefixes} />
              </Cell>
              <Cell>
                <ConfigStatusBadge status={s.configStatus} error={s.configError} />
              </Cell>
              <Cell>
                <BgpStateBadge state={s.bgpState} lastError={s.bgpLastError} adminDown={s.adminDown} />
                <BgpFacts uptimeSeconds={s.uptimeSeconds} lastPolledAt={s.lastPolledAt} />
              </Cell>
              <Cell className="max-w-48 text-xs text-slate-600">
                <span className="line-clamp-2" title={s.notes ?? undefined}>
                  {s.notes}
                </span>
              </Cell>
              <Cell>
                <SessionRowMenu
                  id={s.id}
                  label={`AS${s.peerAsn} ${s.peerIp}`}
                  mayManage={mayManage}
                  mayConfigure={can(actor.role, 'sessions.configure')}
                  status={s.configStatus}
                  adminDown={s.adminDown}
                />
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      <Pager basePath="/peering/sessions" params={urlParams} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
    </>
  );
}
