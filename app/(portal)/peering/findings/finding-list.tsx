'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import type { FindingKind, FindingSeverity } from '@/db/schema';
import { remedyLabels, type Remedy } from '@/lib/findings/remedies';
import { fixFindingsAction } from './actions';

export type FindingItem = {
  id: number;
  kind: FindingKind;
  kindLabel: string;
  severity: FindingSeverity;
  what: string;
  remedy: Remedy | null;
  sessionId: number | null;
  peerAsn: number | null;
  peerName: string | null;
  peerIp: string | null;
  router: string | null;
  exchange: string | null;
  since: string;
};

const tones: Record<FindingSeverity, 'red' | 'amber' | 'grey'> = { critical: 'red', warning: 'amber', info: 'grey' };
const small = 'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-sky-800 hover:bg-slate-50 disabled:text-slate-400';

/** The open findings with their remedy one click away, and a bulk fix for the ones selected. */
export function FindingList({ items, mayFix }: { items: FindingItem[]; mayFix: boolean }) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fixable = items.filter((f) => f.remedy);
  const fix = (ids: number[]) =>
    start(async () => {
      const result = await fixFindingsAction({ ids });
      if (!result.ok) return setMessage({ ok: false, text: result.error.message });
      const { changes, imported } = result.data;
      setSelected(new Set());
      setMessage({ ok: true, text: `${ids.length} fixed: ${changes.length ? `change ${changes.map((c) => `#${c.id} (${c.status.replace('_', ' ')})`).join(', ')}` : 'no push needed'}${imported ? `, ${imported} imported` : ''}.` });
    });
  const toggle = (id: number) => setSelected((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]));
  return (
    <>
      {mayFix && fixable.length > 0 && (
        <div className="mb-2 flex items-center gap-2 text-sm">
          <label className="flex items-center gap-1">
            <input type="checkbox" aria-label="Select every fixable finding" checked={selected.size === fixable.length} onChange={(e) => setSelected(new Set(e.target.checked ? fixable.map((f) => f.id) : []))} />
            Select all
          </label>
          <Button disabled={pending || !selected.size} onClick={() => fix([...selected])}>
            Fix selected ({selected.size})
          </Button>
        </div>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`mb-2 text-sm ${message.ok ? 'text-emerald-700' : 'text-rose-700'}`}>
          {message.text}
        </p>
      )}
      <Table head={['', 'Severity', 'Finding', 'Peer', 'Where', 'What was seen', 'Since', 'Remedy']}>
        {items.map((f) => (
          <tr key={f.id} data-testid={`finding-${f.id}`} className="align-top hover:bg-slate-50">
            <Cell>{mayFix && f.remedy && <input type="checkbox" aria-label={`Select finding ${f.id}`} checked={selected.has(f.id)} onChange={() => toggle(f.id)} />}</Cell>
            <Cell>
              <Badge tone={tones[f.severity]}>{f.severity}</Badge>
            </Cell>
            <Cell>{f.kindLabel}</Cell>
            <Cell>
              {f.peerAsn ? (
                <Link href={`/peering/peers/${f.peerAsn}`} className="text-sky-800 hover:underline">
                  AS{f.peerAsn}
                </Link>
              ) : (
                '—'
              )}{' '}
              {f.peerName}
            </Cell>
            <Cell>
              {f.sessionId ? (
                <Link href={`/peering/sessions/${f.sessionId}`} className="text-sky-800 hover:underline">
                  {f.peerIp}
                </Link>
              ) : null}
              <div className="text-xs text-slate-500">{[f.router, f.exchange].filter(Boolean).join(' · ')}</div>
            </Cell>
            <Cell className="max-w-md text-xs">{f.what}</Cell>
            <Cell className="whitespace-nowrap text-xs">{f.since}</Cell>
            <Cell>
              {f.remedy ? (
                mayFix ? (
                  <button type="button" className={small} disabled={pending} onClick={() => fix([f.id])}>
                    {remedyLabels[f.remedy]}
                  </button>
                ) : (
                  <span className="text-xs text-slate-500">{remedyLabels[f.remedy]}</span>
                )
              ) : (
                <span className="text-xs text-slate-500">Needs a person</span>
              )}
            </Cell>
          </tr>
        ))}
      </Table>
    </>
  );
}
