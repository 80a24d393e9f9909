'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import type { PeerStatus } from '@/db/schema';
import { actionsFor, emailActions, peerActionLabels, type PeerAction } from '@/lib/peering/transitions';
import { changePeerStatusAction } from './actions';
import { requestHref } from './request-link';

/** Mark Rejected and Mark Not Qualified take the optional don't-ask-until date. */
const declineActions: readonly PeerAction[] = ['mark_rejected', 'mark_not_qualified'];

const button = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:text-slate-400';

/**
 * The actions that apply to one (local ASN, exchange) status, with an optional comment. Send and
 * Resend go to the request email; the others change the status here. The server decides again.
 */
export function StatusActions({ peerAsn, ixId, localAsn, status, exchange }: {
  peerAsn: number;
  ixId: number;
  localAsn: number;
  status: PeerStatus;
  exchange: string;
}) {
  const [pending, start] = useTransition();
  const [comment, setComment] = useState('');
  const [doNotAskUntil, setDoNotAskUntil] = useState('');
  const declines = actionsFor(status).some((a) => declineActions.includes(a));
  const [error, setError] = useState<string | null>(null);
  const run = (action: PeerAction) => {
    if (action === 'reset' && !confirm(`Reset the status at ${exchange} to New?`)) return;
    start(async () => {
      const until = declineActions.includes(action) && doNotAskUntil ? doNotAskUntil : undefined;
      const result = await changePeerStatusAction({ peerAsn, ixId, localAsn, action, comment: comment || undefined, doNotAskUntil: until });
      setError(result.ok ? null : result.error.message);
      if (result.ok) {
        setComment('');
        setDoNotAskUntil('');
      }
    });
  };
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-1">
        {actionsFor(status).map((action) =>
          emailActions.includes(action) ? (
            <Link key={action} href={requestHref(peerAsn, [ixId])} className={`${button} text-sky-700`}>
              {peerActionLabels[action]}
            </Link>
          ) : (
            <button key={action} type="button" disabled={pending} onClick={() => run(action)} className={button}>
              {peerActionLabels[action]}
            </button>
          ),
        )}
        <input
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder="Comment (optional)"
          aria-label={`Comment for ${exchange} AS${localAsn}`}
          maxLength={4000}
          className="w-48 rounded border border-slate-300 px-2 py-1 text-xs"
        />
        {declines && (
          <label className="flex items-center gap-1 text-xs text-slate-600">
            Don&apos;t ask until
            <input
              type="date"
              value={doNotAskUntil}
              onChange={(e) => setDoNotAskUntil(e.target.value)}
              aria-label={`Don't ask until (${exchange} AS${localAsn})`}
              className="rounded border border-slate-300 px-1 py-0.5 text-xs"
            />
          </label>
        )}
      </div>
      {error && (
        <p role="alert" className="text-xs text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
