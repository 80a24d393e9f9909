'use client';

import Link from 'next/link';
import type { PeerListRow } from '@/db/queries/peers';
import { Cell, Table } from '@/components/ui/table';
import { PeerStatusBadge } from '../ixs/[id]/peer-status-badge';
import { PeerRowMenu } from './peer-row-menu';

/** The list shows the last note's comment only. */
export type PeerTableRow = Omit<PeerListRow, 'lastNote'> & { lastComment: string | null };

/**
 * A client component although only its row menus have state: the RSC payload is then the rows' data
 * instead of their element tree (with each row's statuses twice), which is sent twice (inline in the HTML).
 */
export function PeerTable({ rows, showLocalAsn, mayManage, mayConfigure }: {
  rows: PeerTableRow[];
  showLocalAsn: boolean;
  mayManage: boolean;
  mayConfigure: boolean;
}) {
  return (
    <Table head={['ASN', 'Network', 'Status per exchange', 'Sessions', 'Notes', '']}>
      {rows.map((p) => (
        <tr key={p.asn} data-testid={`peer-${p.asn}`}>
          <Cell className="font-mono">
            <Link href={`/peering/peers/${p.asn}`} className="text-sky-700 hover:underline">
              {`AS${p.asn}`}
            </Link>
          </Cell>
          <Cell>{p.name ?? <span className="text-slate-500">unknown in PeeringDB</span>}</Cell>
          <Cell>
            <div className="flex flex-col gap-0.5">
              {p.statuses.map((e) => (
                <span key={`${e.ixId}/${e.localAsn}`} className="whitespace-nowrap text-xs">
                  {e.name}
                  {showLocalAsn ? ` (AS${e.localAsn})` : ''} <PeerStatusBadge status={e.status} />
                </span>
              ))}
            </div>
          </Cell>
          <Cell>
            <Link href={`/peering/sessions?peerAsn=${p.asn}`} className="tabular-nums text-sky-700 hover:underline">
              {p.sessions}
            </Link>
          </Cell>
          <Cell className="max-w-xs text-slate-600">
            <span className="tabular-nums">{p.notes}</span>
            {p.lastComment && (
              <span className="ml-2 line-clamp-2 text-xs" title={p.lastComment}>
                {p.lastComment}
              </span>
            )}
          </Cell>
          <Cell>
            <PeerRowMenu asn={p.asn} entries={p.statuses} mayManage={mayManage} mayConfigure={mayConfigure} />
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
