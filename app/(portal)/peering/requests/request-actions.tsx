'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { RequestStage } from '@/lib/peering/pipeline';
import { markIncomingRequestAction } from '../emails/actions';
import { changePeerStatusAction } from '../peers/actions';
import { requestHref } from '../peers/request-link';
import { runFollowUpsAction, sendFollowUpAction } from './actions';

const small = 'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:text-slate-400';

type Row = { peerAsn: number; ixId: number; localAsn: number; stage: RequestStage; due: boolean; replyEmailId: number | null };

/**
 * The likely next step for a request: after a reply, approve or reject (or read it); when due, the follow-up; once stalled, ask again or
 * give up.
 */
export function RequestActions({ row, mayManage, mayReadEmails, suggest }: {
  row: Row;
  mayManage: boolean;
  mayReadEmails: boolean;
  suggest: boolean;
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (fn: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>, done: string) =>
    start(async () => {
      const result = await fn();
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error.message });
    });
  const status = (action: 'mark_approved' | 'mark_rejected', done: string) => run(() => changePeerStatusAction({ peerAsn: row.peerAsn, ixId: row.ixId, localAsn: row.localAsn, action }), done);
  return (
    <div className="flex flex-wrap items-center gap-1">
      {row.replyEmailId && mayReadEmails && (
        <Link href={`/peering/emails/${row.replyEmailId}`} className={`${small} text-sky-700`}>
          Open the thread
        </Link>
      )}
      {mayManage && (row.stage === 'replied' || row.stage === 'sent' || row.stage === 'stalled') && (
        <>
          <button type="button" className={small} disabled={pending} onClick={() => status('mark_approved', 'Approved.')}>
            Mark Approved
          </button>
          <button type="button" className={small} disabled={pending} onClick={() => status('mark_rejected', 'Rejected.')}>
            Mark Rejected
          </button>
        </>
      )}
      {mayManage && suggest && row.due && (
        <button
          type="button"
          className={`${small} text-sky-700`}
          disabled={pending}
          onClick={() => run(() => sendFollowUpAction({ peerAsn: row.peerAsn, ixId: row.ixId, localAsn: row.localAsn }), 'Follow-up sent.')}
        >
          Send follow-up
        </button>
      )}
      {mayManage && row.stage === 'stalled' && (
        <Link href={requestHref(row.peerAsn, [row.ixId])} className={`${small} text-sky-700`}>
          Resend Request
        </Link>
      )}
      {message && (
        <span role={message.ok ? 'status' : 'alert'} className={`text-xs ${message.ok ? 'text-emerald-700' : 'text-rose-700'}`}>
          {message.text}
        </span>
      )}
    </div>
  );
}

/** A message from a peer's contact that answers nothing we sent: most likely they ask us to peer. */
export function MarkIncoming({ emailId, exchanges }: { emailId: number; exchanges: { ixId: number; name: string }[] }) {
  const [pending, start] = useTransition();
  const [ixId, setIxId] = useState(exchanges[0]?.ixId ?? 0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!exchanges.length) return <span className="text-xs text-slate-500">No shared exchange</span>;
  return (
    <div className="flex flex-wrap items-center gap-1">
      <select aria-label="Exchange" value={ixId} onChange={(e) => setIxId(Number(e.target.value))} className="rounded border border-slate-300 px-1 py-0.5 text-xs">
        {exchanges.map((x) => (
          <option key={x.ixId} value={x.ixId}>
            {x.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className={small}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await markIncomingRequestAction({ id: emailId, ixId });
            setMessage(result.ok ? { ok: true, text: 'Marked as an incoming request.' } : { ok: false, text: result.error.message });
          })
        }
      >
        Mark as incoming request
      </button>
      {message && <span className={`text-xs ${message.ok ? 'text-emerald-700' : 'text-rose-700'}`}>{message.text}</span>}
    </div>
  );
}

/** "Run the pass now": what the hourly job does. */
export function RunFollowUps() {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="flex items-center gap-2">
      {message && <span role="status" className="text-xs text-slate-600">{message}</span>}
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await runFollowUpsAction();
            setMessage(
              r.ok
                ? `${r.data.replied} replied, ${r.data.stalled.length} stalled, ${r.data.sent.length} sent, ${r.data.suggested.length} suggested${r.data.failed.length ? `, ${r.data.failed.length} failed: ${r.data.failed[0].error}` : ''}`
                : r.error.message,
            );
          })
        }
      >
        {pending ? 'Running…' : 'Run follow-ups now'}
      </Button>
    </span>
  );
}
