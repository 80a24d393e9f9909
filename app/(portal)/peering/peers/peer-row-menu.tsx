'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import type { PeerStatusEntry } from '@/db/queries/peers';
import { actionsFor, emailActions, peerActionLabels, type PeerAction } from '@/lib/peering/transitions';
import { changePeerStatusAction } from './actions';
import { requestHref } from './request-link';

const item = 'block w-full whitespace-nowrap px-3 py-1.5 text-left text-sm hover:bg-slate-100';

/** Details, Configure Multiple Sessions, and per exchange the status actions that apply (the server decides again). */
export function PeerRowMenu({ asn, entries, mayManage, mayConfigure }: {
  asn: number;
  entries: PeerStatusEntry[];
  mayManage: boolean;
  mayConfigure: boolean;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  // The items are made when the menu opens: closed, 50 rows of them would be most of the page.
  const [open, setOpen] = useState(false);
  const run = (entry: PeerStatusEntry, action: PeerAction, menu: HTMLDetailsElement | null) => {
    if (menu) menu.open = false;
    start(async () => {
      const result = await changePeerStatusAction({ peerAsn: asn, ixId: entry.ixId, localAsn: entry.localAsn, action });
      setError(result.ok ? null : result.error.message);
    });
  };
  return (
    <div>
      <details className="relative" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary aria-label={`Actions for AS${asn}`} className="row-menu-button cursor-pointer list-none">
          {pending ? '…' : '⋯'}
        </summary>
        {open && (
          <div role="menu" className="absolute right-0 z-20 mt-1 max-h-80 overflow-y-auto rounded border border-slate-200 bg-white py-1 shadow-lg">
            <Link role="menuitem" href={`/peering/peers/${asn}`} className={item}>
              Details
            </Link>
            {mayConfigure && (
              <Link role="menuitem" href={`/peering/peers/${asn}/configure`} className={item}>
                Configure Multiple Sessions
              </Link>
            )}
            {mayManage &&
              entries.map((entry) => (
                <div key={`${entry.ixId}/${entry.localAsn}`} className="border-t border-slate-100 pt-1">
                  <p className="px-3 text-xs font-semibold text-slate-500">
                    {entry.name}
                    {entries.some((e) => e.ixId === entry.ixId && e.localAsn !== entry.localAsn) ? ` (AS${entry.localAsn})` : ''}
                  </p>
                  {actionsFor(entry.status).map((action) =>
                    emailActions.includes(action) ? (
                      <Link key={action} role="menuitem" href={requestHref(asn, [entry.ixId])} className={item}>
                        {peerActionLabels[action]}
                      </Link>
                    ) : (
                      <button key={action} role="menuitem" type="button" className={item} onClick={(e) => run(entry, action, e.currentTarget.closest('details'))}>
                        {peerActionLabels[action]}
                      </button>
                    ),
                  )}
                </div>
              ))}
          </div>
        )}
      </details>
      {error && (
        <p role="alert" className="mt-1 w-48 text-xs text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
