'use client';

import Link from 'next/link';
import type { SessionView } from '@/db/queries/sessions';
import { BgpFacts, BgpStateBadge, ConfigStatusBadge, PrefixUsage } from '@/components/sessions/session-badges';
import { Cell, Table } from '@/components/ui/table';
import { sessionTypeLabels } from '@/lib/sessions/schemas';
import { SessionRowMenu } from './session-row-menu';

/** What a row shows, and nothing else: the row's data is all that travels in the RSC payload. */
export type SessionListRow = Pick<
  SessionView,
  | 'id' | 'localAsn' | 'routerName' | 'peerAsn' | 'peerName' | 'peerIp' | 'exchangeName' | 'ixId' | 'peerGroupName' | 'type' | 'prefixesReceived'
  | 'maxPrefixes' | 'routes' | 'configStatus' | 'configError' | 'bgpState' | 'bgpLastError' | 'adminDown' | 'uptimeSeconds' | 'lastPolledAt' | 'notes'
>;

/**
 * A client component although only its row menus have state: the RSC payload is then the rows' data
 * instead of their element tree (with one client reference per menu), which is sent twice (inline in the HTML).
 */
export function SessionTable({ rows, mayManage, mayConfigure }: { rows: SessionListRow[]; mayManage: boolean; mayConfigure: boolean }) {
  return (
    <Table head={['Source', 'Router', 'Peer', 'Destination', 'Exchange', 'Peer group', 'Type', 'Prefixes', 'Config status', 'BGP state', 'Notes', '']}>
      {rows.map((s) => (
        <tr key={s.id} data-testid={`session-${s.id}`} className="hover:bg-slate-50">
          <Cell className="font-mono">{`AS${s.localAsn}`}</Cell>
          <Cell>{s.routerName}</Cell>
          <Cell>
            <Link href={`/peering/sessions/${s.id}`} className="text-sky-800 hover:underline">
              <span className="font-mono">{`AS${s.peerAsn}`}</span>
            </Link>
            {s.peerName && <div className="text-xs text-slate-600">{s.peerName}</div>}
          </Cell>
          <Cell className="font-mono">{s.peerIp}</Cell>
          <Cell>{s.exchangeName ?? <span className="text-slate-500">{s.ixId ? `#${s.ixId}` : 'No Exchange'}</span>}</Cell>
          <Cell>{s.peerGroupName ?? <span className="text-slate-500">—</span>}</Cell>
          <Cell className="whitespace-nowrap">{sessionTypeLabels[s.type]}</Cell>
          <Cell>
            <PrefixUsage received={s.prefixesReceived} max={s.maxPrefixes} />
            {s.routes && (
              <Link href={`/peering/sessions/${s.id}/routes`} className="block text-xs text-slate-600 hover:underline" data-testid={`routes-${s.id}`}>
                {s.routes.accepted}/{s.routes.received} accepted
                {s.routes.invalid > 0 && `, ${s.routes.invalid} RPKI invalid`}
                {s.routes.unlisted > 0 && `, ${s.routes.unlisted} not in IRR`}
              </Link>
            )}
          </Cell>
          <Cell>
            <ConfigStatusBadge status={s.configStatus} error={s.configError} />
          </Cell>
          <Cell>
            <BgpStateBadge state={s.bgpState} lastError={s.bgpLastError} adminDown={s.adminDown} />
            <BgpFacts uptimeSeconds={s.uptimeSeconds} lastPolledAt={s.lastPolledAt} />
          </Cell>
          <Cell className="max-w-48 text-xs text-slate-600">
            {s.notes && (
              <span className="line-clamp-2" title={s.notes}>
                {s.notes}
              </span>
            )}
          </Cell>
          <Cell>
            <SessionRowMenu id={s.id} label={`AS${s.peerAsn} ${s.peerIp}`} mayManage={mayManage} mayConfigure={mayConfigure} status={s.configStatus} adminDown={s.adminDown} />
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
