'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormError, FormSaved } from '@/components/ui/field';
import { addPeerNoteAction } from '../actions';

/** A free comment in the notes log, optionally about one of the shared exchanges. */
export function AddNoteForm({ peerAsn, exchanges }: { peerAsn: number; exchanges: { id: number; name: string }[] }) {
  const [pending, start] = useTransition();
  const [comment, setComment] = useState('');
  const [ixId, setIxId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    start(async () => {
      const result = await addPeerNoteAction({ peerAsn, comment, ixId: ixId ? Number(ixId) : null });
      setError(result.ok ? null : result.error.message);
      setSaved(result.ok);
      if (result.ok) setComment('');
    });
  };
  return (
    <form onSubmit={submit} className="mt-3 flex flex-col gap-2" aria-label="Add note">
      <FormError message={error ?? undefined} />
      <textarea
        value={comment}
        onChange={(e) => {
          setComment(e.target.value);
          setSaved(false);
        }}
        rows={2}
        maxLength={4000}
        aria-label="Note"
        placeholder="Add a note about this peer"
        className="rounded border border-slate-300 px-2 py-1.5 text-sm"
      />
      <div className="flex items-center gap-2">
        <select value={ixId} onChange={(e) => setIxId(e.target.value)} aria-label="About exchange" className="rounded border border-slate-300 px-2 py-1.5 text-sm">
          <option value="">Any exchange</option>
          {exchanges.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
        <Button type="submit" disabled={pending || !comment.trim()}>
          {pending ? 'Adding…' : 'Add note'}
        </Button>
        {saved && <FormSaved message="Note added" />}
      </div>
    </form>
  );
}
