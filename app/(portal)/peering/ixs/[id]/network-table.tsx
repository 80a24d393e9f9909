'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { listExchangeNetworks } from '@/db/queries/exchanges';
import { Badge } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import { actionsFor, emailActions, peerActionLabels, type PeerAction } from '@/lib/peering/transitions';
import { changePeerStatusAction } from '../../peers/actions';
import { requestHref } from '../../peers/request-link';
import { BulkBar } from './bulk-bar';
import { PeerStatusBadge } from './peer-status-badge';

type NetworkRow = Awaited<ReturnType<typeof listExchangeNetworks>>[number];

/**
 * A client component: its RSC payload is the rows' data (about 10 KB for 50 networks) instead of their
 * element tree (about 50 KB), serialized and sent twice (inline in the HTML). Selection, the per-row
 * action chooser and the bulk bar live here; the server decides on every change again.
 */
export function NetworkTable({ rows, ixId, localAsn, mayManage }: {
  rows: NetworkRow[];
  ixId: number;
  localAsn: number | null;
  mayManage: boolean;
}) {
  const navigate = useRouter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const asns = [...new Set(rows.map((r) => r.asn))];
  const allSelected = asns.length > 0 && asns.every((a) => selected.has(a));
  const toggle = (asn: number, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(asn);
      else next.delete(asn);
      return next;
    });
  const act = (asn: number, action: PeerAction) => {
    if (emailActions.includes(action)) return navigate.push(requestHref(asn, [ixId]));
    start(async () => {
      const result = await changePeerStatusAction({ peerAsn: asn, ixId, localAsn: localAsn ?? undefined, action });
      setError(result.ok ? null : `AS${asn}: ${result.error.message}`);
    });
  };
  const manage = mayManage && localAsn !== null;
  const head = ['ASN', 'Network', 'IPv4', 'IPv6', 'Policy', 'Route servers', 'Status', 'Sessions', 'Last note'];
  return (
    <>
      {manage && <BulkBar ixId={ixId} localAsn={localAsn} selected={[...selected]} onDone={() => setSelected(new Set())} />}
      {error && (
        <p role="alert" className="mb-2 text-sm text-rose-700">
          {error}
        </p>
      )}
      <Table
        head={
          manage
            ? [
                <input key="all" type="checkbox" aria-label="Select all on this page" checked={allSelected} onChange={(e) => setSelected(e.target.checked ? new Set(asns) : new Set())} />,
                ...head,
                'Action',
              ]
            : head
        }
      >
        {rows.map((n, i) => (
          <tr key={`${n.asn}-${i}`} data-testid={`network-${n.asn}`}>
            {manage && (
              <Cell>
                <input type="checkbox" aria-label={`Select AS${n.asn}`} checked={selected.has(n.asn)} onChange={(e) => toggle(n.asn, e.target.checked)} />
              </Cell>
            )}
            <Cell className="font-mono">
              <a href={`/peering/peers/${n.asn}`} className="text-sky-700 hover:underline">{`AS${n.asn}`}</a>
            </Cell>
            <Cell>{n.name ?? <span className="text-slate-500">unknown in PeeringDB</span>}</Cell>
            <Cell className="font-mono text-xs">{n.ipaddr4 ?? '—'}</Cell>
            <Cell className="font-mono text-xs">{n.ipaddr6 ?? '—'}</Cell>
            <Cell>{n.policy ?? '—'}</Cell>
            <Cell>{n.isRsPeer ? <Badge tone="blue">yes</Badge> : <span className="text-slate-500">no</span>}</Cell>
            <Cell>
              <PeerStatusBadge status={n.status} />
            </Cell>
            <Cell className="tabular-nums">{n.sessions}</Cell>
            <Cell className="max-w-xs text-slate-600">
              {n.lastNote && (
                <span className="line-clamp-2" title={n.lastNote}>
                  {n.lastNote}
                </span>
              )}
            </Cell>
            {manage && (
              <Cell>
                <select
                  value=""
                  disabled={pending}
                  aria-label={`Action for AS${n.asn}`}
                  onChange={(e) => act(n.asn, e.target.value as PeerAction)}
                  className="rounded border border-slate-300 bg-white px-1.5 py-1 text-xs"
                >
                  <option value="">Action…</option>
                  {actionsFor(n.status).map((a) => (
                    <option key={a} value={a}>
                      {peerActionLabels[a]}
                    </option>
                  ))}
                </select>
              </Cell>
            )}
          </tr>
        ))}
      </Table>
    </>
  );
}
