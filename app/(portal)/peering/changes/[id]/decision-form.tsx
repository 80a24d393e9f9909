'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { approveChangeAction, rejectChangeAction } from '../actions';

/** Approve or reject with a comment; shown only to an approver who did not ask for the change. */
export function DecisionForm({ id }: { id: number }) {
  const [comment, setComment] = useState('');
  const [pending, start] = useTransition();
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const decide = (approve: boolean) =>
    start(async () => {
      const result = approve ? await approveChangeAction(id, comment) : await rejectChangeAction(id, comment);
      if (!result.ok) return setNote({ error: true, text: result.error.message });
      const returned = 'returned' in result.data && result.data.returned;
      setNote({ error: false, text: returned ? "The router's configuration changed since the diff was taken: review the new diff, then decide again." : approve ? 'Approved.' : 'Rejected.' });
    });
  return (
    <section className="mt-4 rounded border border-amber-200 bg-amber-50 p-4" aria-label="Decision">
      <label htmlFor="decision-comment" className="block text-sm font-medium text-slate-700">
        Comment (optional)
      </label>
      <textarea id="decision-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={2000} className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm" />
      <div className="mt-2 flex items-center gap-2">
        <Button disabled={pending} onClick={() => decide(true)}>
          Approve
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => decide(false)}>
          Reject
        </Button>
        {note && (
          <span role={note.error ? 'alert' : 'status'} className={`text-sm ${note.error ? 'text-rose-700' : 'text-slate-700'}`}>
            {note.text}
          </span>
        )}
      </div>
    </section>
  );
}
