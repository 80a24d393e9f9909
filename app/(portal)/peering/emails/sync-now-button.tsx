'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { syncNowAction } from './actions';

export function SyncNowButton() {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="flex items-center gap-2">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await syncNowAction();
            setMessage(result.ok ? `Sync job ${result.data.id} started.` : result.error.message);
          })
        }
      >
        {pending ? 'Starting…' : 'Sync now'}
      </Button>
      {message && <span role="status" className="text-sm text-slate-600">{message}</span>}
    </span>
  );
}
