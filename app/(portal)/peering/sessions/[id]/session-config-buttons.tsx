'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import type { ConfigStatus } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { configureSessionAction, setAdminStateAction } from '../config-actions';

/** Session Details: 1 click config, the Config Manager, Admin down / up. */
export function SessionConfigButtons({ id, label, status, adminDown }: {
  id: number;
  label: string;
  status: ConfigStatus;
  adminDown: boolean;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const busy = pending || status === 'scheduled' || status === 'configuring' || status === 'removed';
  const act = (question: string, work: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    if (!confirm(question)) return;
    start(async () => {
      const result = await work();
      setError(result.ok ? null : (result.error?.message ?? 'Something went wrong'));
    });
  };
  return (
    <>
      <Button disabled={busy} onClick={() => act(`Configure ${label} on the router now, with the default template?`, () => configureSessionAction({ sessionId: id, mode: 'now' }))}>
        1 click config
      </Button>
      {!busy && (
        <Link href={`/peering/sessions/${id}/configure`} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50">
          Config Manager
        </Link>
      )}
      <Button variant="secondary" disabled={busy} onClick={() => act(`${adminDown ? 'Bring up' : 'Shut down'} the session with ${label}?`, () => setAdminStateAction(id, !adminDown))}>
        {adminDown ? 'Admin up' : 'Admin down'}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      )}
    </>
  );
}
