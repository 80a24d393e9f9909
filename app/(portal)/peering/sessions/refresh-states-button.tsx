'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { refreshBgpStateAction } from './config-actions';

/** Polls every configured FRR and BIRD session now; the list reloads a few seconds later with the answers. */
export function RefreshStatesButton() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  const refresh = () =>
    start(async () => {
      const result = await refreshBgpStateAction();
      setNote(result.ok ? `Polling the routers (job #${result.data.job.id})…` : result.error.message);
      if (result.ok) setTimeout(() => router.refresh(), 3_000);
    });
  return (
    <>
      {note && (
        <span role="status" className="text-xs text-slate-600">
          {note}
        </span>
      )}
      <Button variant="secondary" disabled={pending} onClick={refresh} title="Read the BGP state, uptime and prefixes from the routers now">
        {pending ? 'Refreshing…' : 'Refresh'}
      </Button>
    </>
  );
}
