'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import type { Opportunity } from '@/lib/findings/opportunities';

const button = 'inline-block rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800';

/** Ranked networks with their reasons; the ones selected go to the bulk Send Request page in one step. */
export function OpportunityTable({ rows, exchanges, ixId, maySend }: {
  rows: Opportunity[];
  exchanges: Record<number, string>;
  ixId?: number;
  maySend: boolean;
}) {
  const [selected, setSelected] = useState<number[]>([]);
  const toggle = (asn: number) => setSelected((s) => (s.includes(asn) ? s.filter((x) => x !== asn) : [...s, asn]));
  const href = `/peering/requests/new?asns=${selected.join(',')}${ixId ? `&ixIds=${ixId}` : ''}`;
  return (
    <>
      {maySend && (
        <div className="mb-2 flex items-center gap-3 text-sm">
          <label className="flex items-center gap-1">
            <input type="checkbox" aria-label="Select every network on this page" checked={rows.length > 0 && selected.length === rows.length} onChange={(e) => setSelected(e.target.checked ? rows.map((r) => r.peerAsn) : [])} />
            Select all
          </label>
          {selected.length > 0 ? (
            <Link href={href} className={button}>
              Send Request ({selected.length})
            </Link>
          ) : (
            <span className="text-slate-500">Select networks to send them requests</span>
          )}
        </div>
      )}
      <Table head={['', 'Score', 'Network', 'Policy', 'Exchanges', 'Why']}>
        {rows.map((o) => (
          <tr key={o.peerAsn} data-testid={`opportunity-${o.peerAsn}`} className="align-top hover:bg-slate-50">
            <Cell>{maySend && <input type="checkbox" aria-label={`Select AS${o.peerAsn}`} checked={selected.includes(o.peerAsn)} onChange={() => toggle(o.peerAsn)} />}</Cell>
            <Cell className="font-semibold tabular-nums">{o.score}</Cell>
            <Cell>
              <Link href={`/peering/peers/${o.peerAsn}`} className="text-sky-800 hover:underline">
                AS{o.peerAsn}
              </Link>{' '}
              {o.name}
              {o.infoType && <div className="text-xs text-slate-500">{o.infoType}</div>}
            </Cell>
            <Cell>
              <Badge tone={o.policy === 'Open' ? 'green' : o.policy === 'Selective' ? 'blue' : 'amber'}>{o.policy ?? 'Unknown'}</Badge>
              {o.rsPeer && <div className="text-xs text-slate-500">Route servers</div>}
            </Cell>
            <Cell className="text-xs">{o.ixIds.map((id) => exchanges[id] ?? `IX ${id}`).join(', ')}</Cell>
            <Cell className="text-xs text-slate-700">
              <ul>
                {o.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </Cell>
          </tr>
        ))}
      </Table>
    </>
  );
}
