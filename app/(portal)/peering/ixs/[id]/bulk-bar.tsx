'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { peerActionLabels, type PeerAction } from '@/lib/peering/transitions';
import { changePeerStatusesAction } from '../../peers/actions';

const bulkActions: PeerAction[] = ['mark_existing', 'mark_not_qualified', 'reset'];
const button = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:text-slate-400';

/** Bulk actions over the selected networks: all of them change, or none (the message says which do not fit). */
export function BulkBar({ ixId, localAsn, selected, onDone }: { ixId: number; localAsn: number; selected: number[]; onDone: () => void }) {
  const [pending, start] = useTransition();
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const none = selected.length === 0;
  const run = (action: PeerAction) =>
    start(async () => {
      const result = await changePeerStatusesAction({ ixId, localAsn, peerAsns: selected, action, comment: comment || undefined });
      if (result.ok) {
        setMessage({ ok: true, text: `${peerActionLabels[action]}: ${result.data.changed.length} network${result.data.changed.length === 1 ? '' : 's'} changed` });
        setComment('');
        onDone();
      } else setMessage({ ok: false, text: result.error.message });
    });
  return (
    <div className="mb-2 flex flex-wrap items-center gap-2 rounded border border-slate-200 bg-white px-3 py-2 text-sm" aria-label="Bulk actions">
      <span className="text-slate-600">{selected.length} selected</span>
      {bulkActions.map((action) => (
        <button key={action} type="button" className={button} disabled={none || pending} onClick={() => run(action)}>
          {peerActionLabels[action]}
        </button>
      ))}
      {none ? (
        <span className={`${button} cursor-not-allowed text-slate-400`}>Send Request</span>
      ) : (
        <Link href={`/peering/requests/new?ixIds=${ixId}&asns=${selected.join(',')}`} className={`${button} text-sky-700`}>
          Send Request
        </Link>
      )}
      <input
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder="Comment (optional)"
        aria-label="Comment for the bulk action"
        maxLength={4000}
        className="w-56 rounded border border-slate-300 px-2 py-1 text-xs"
      />
      {message && (
        <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-emerald-700' : 'text-rose-700'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
