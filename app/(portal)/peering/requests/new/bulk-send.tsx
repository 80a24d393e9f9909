'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/field';
import { Cell, Table } from '@/components/ui/table';
import { sendDraftedRequestAction } from './actions';

type Peer = { asn: number; name: string | null; to: string | null; note: string | null; exchanges: string[]; doNotAskUntil: string | null };

/** One pre-filled request per peer, sent one after the other, with the outcome per peer. */
export function BulkSend({ ixIds, peers }: { ixIds: number[]; peers: Peer[] }) {
  const [addresses, setAddresses] = useState<Record<number, string>>({});
  const [outcomes, setOutcomes] = useState<Record<number, { ok: boolean; text: string }>>({});
  const [running, setRunning] = useState(false);
  const sendAll = async () => {
    setRunning(true);
    for (const p of peers) {
      if (outcomes[p.asn]?.ok) continue;
      if (p.doNotAskUntil) {
        setOutcomes((o) => ({ ...o, [p.asn]: { ok: false, text: `Left out: declined, do not ask until ${p.doNotAskUntil}` } }));
        continue;
      }
      setOutcomes((o) => ({ ...o, [p.asn]: { ok: true, text: 'Sending…' } }));
      const result = await sendDraftedRequestAction({ peerAsn: p.asn, ixIds, to: p.to ? undefined : addresses[p.asn] });
      setOutcomes((o) => ({ ...o, [p.asn]: result.ok ? { ok: true, text: `Sent to ${result.data.to.join(', ')}` } : { ok: false, text: result.error.message } }));
    }
    setRunning(false);
  };
  return (
    <>
      <Table head={['Network', 'To', 'Exchanges', 'Result']}>
        {peers.map((p) => (
          <tr key={p.asn} data-testid={`bulk-${p.asn}`}>
            <Cell>
              AS{p.asn} {p.name}
            </Cell>
            <Cell>
              {p.to ?? (
                <>
                  <TextInput aria-label={`Address for AS${p.asn}`} type="email" value={addresses[p.asn] ?? ''} onChange={(e) => setAddresses({ ...addresses, [p.asn]: e.target.value })} />
                  <p className="text-xs text-amber-800">{p.note}</p>
                </>
              )}
            </Cell>
            <Cell>{p.exchanges.join(', ') || '—'}</Cell>
            <Cell className={outcomes[p.asn]?.ok === false ? 'text-rose-700' : 'text-emerald-700'}>{outcomes[p.asn]?.text}</Cell>
          </tr>
        ))}
      </Table>
      <div className="mt-3">
        <Button disabled={running} onClick={sendAll}>
          {running ? 'Sending…' : `Send all (${peers.length})`}
        </Button>
      </div>
    </>
  );
}
