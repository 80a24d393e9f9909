'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/field';
import { associateEmailAction, markIncomingRequestAction } from '../actions';

/** Tie to a peer / untie, and "Mark as incoming request" at one of the exchanges we share with it. */
export function EmailControls({ id, peerAsn, exchanges }: {
  id: number;
  peerAsn: number | null;
  exchanges: { ixId: number; name: string }[];
}) {
  const [pending, start] = useTransition();
  const [asn, setAsn] = useState('');
  const [ixId, setIxId] = useState(exchanges[0]?.ixId ?? 0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (fn: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>, done: string) =>
    start(async () => {
      const result = await fn();
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error.message });
    });
  return (
    <section className="mb-4 flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <label htmlFor="assoc-asn" className="text-slate-600">
        Tie to peer
      </label>
      <TextInput id="assoc-asn" placeholder="AS64500" value={asn} onChange={(e) => setAsn(e.target.value)} className="w-32 rounded border border-slate-300 px-2 py-1" />
      <Button variant="secondary" disabled={pending || !asn} onClick={() => run(() => associateEmailAction({ id, peerAsn: asn }), 'Tied to the peer.')}>
        Associate
      </Button>
      {peerAsn && (
        <Button variant="secondary" disabled={pending} onClick={() => run(() => associateEmailAction({ id, peerAsn: null }), 'No longer tied to a peer.')}>
          Dissociate
        </Button>
      )}
      {peerAsn && exchanges.length > 0 && (
        <>
          <Select aria-label="Exchange" value={ixId} onChange={(e) => setIxId(Number(e.target.value))}>
            {exchanges.map((x) => (
              <option key={x.ixId} value={x.ixId}>
                {x.name}
              </option>
            ))}
          </Select>
          <Button variant="secondary" disabled={pending} onClick={() => run(() => markIncomingRequestAction({ id, ixId }), 'Marked as an incoming request (Request Received).')}>
            Mark as incoming request
          </Button>
        </>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-emerald-700' : 'text-rose-700'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
