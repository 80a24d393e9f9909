'use client';

import { useEffect, useState, useTransition } from 'react';
import type { PeerCandidate } from '@/db/queries/sessions';
import { findPeersAction } from '../actions';

/** Step 4's PeeringDB lookup: type an ASN or a name, pick a network present at the exchange. */
export function PeerLookup({ ixId, exchangeName, chosen, onPick }: {
  ixId: number | null;
  exchangeName: string;
  chosen: PeerCandidate | null;
  onPick: (peer: PeerCandidate) => void;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ q: string; peers: PeerCandidate[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  useEffect(() => {
    const typed = q.trim();
    if (!typed) return;
    // Wait for a pause in typing: one lookup per word, not per key.
    const timer = setTimeout(
      () =>
        start(async () => {
          const result = await findPeersAction({ ixId, q: typed });
          setError(result.ok ? null : result.error.message);
          setFound(result.ok ? { q: typed, peers: result.data } : null);
        }),
      300,
    );
    return () => clearTimeout(timer);
  }, [q, ixId]);

  const where = ixId === null ? 'in PeeringDB' : `at ${exchangeName}`;
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="peer-lookup" className="text-sm font-medium text-slate-700">
        Find the peer {where}
      </label>
      <input
        id="peer-lookup"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        placeholder="ASN (65002) or name"
        autoComplete="off"
        className="w-72 rounded border border-slate-300 px-2 py-1.5 text-sm focus:border-sky-600 focus:outline-none"
      />
      {pending && <p className="text-xs text-slate-500">Looking up…</p>}
      {error && (
        <p role="alert" className="text-xs text-rose-700">
          {error}
        </p>
      )}
      {found && q.trim() && !pending && found.peers.length === 0 && (
        <p className="text-xs text-slate-600">No network {where} matches “{found.q}”. Enter the peer by hand below.</p>
      )}
      {found && q.trim() && found.peers.length > 0 && (
        <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-200 bg-white" aria-label="PeeringDB networks">
          {found.peers.map((peer, i) => {
            const selected = chosen?.asn === peer.asn && chosen.ipaddr4 === peer.ipaddr4 && chosen.ipaddr6 === peer.ipaddr6;
            return (
              <li key={`${peer.asn}-${i}`}>
                <button
                  type="button"
                  onClick={() => onPick(peer)}
                  data-testid={`candidate-${peer.asn}`}
                  aria-pressed={selected}
                  className={`flex w-full flex-wrap items-baseline gap-x-3 px-3 py-1.5 text-left text-sm hover:bg-sky-50 ${selected ? 'bg-sky-50' : ''}`}
                >
                  <span className="font-mono font-medium">AS{peer.asn}</span>
                  <span>{peer.name ?? 'unknown in PeeringDB'}</span>
                  {ixId !== null && <span className="font-mono text-xs text-slate-600">{[peer.ipaddr4, peer.ipaddr6].filter(Boolean).join('  ') || 'no address listed'}</span>}
                  <span className="text-xs text-slate-500">
                    prefixes {peer.infoPrefixes4 ?? '—'} / {peer.infoPrefixes6 ?? '—'}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
