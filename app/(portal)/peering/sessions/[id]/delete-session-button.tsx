'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { deleteSessionAction } from '../actions';

export function DeleteSessionButton({ id, label }: { id: number; label: string }) {
  const navigate = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const remove = () => {
    if (!confirm(`Delete the session with ${label}? It was never configured on the router, so only the record goes.`)) return;
    start(async () => {
      const result = await deleteSessionAction(id);
      if (result.ok) navigate.push('/peering/sessions');
      else setError(result.error.message);
    });
  };
  return (
    <>
      <Button variant="danger" disabled={pending} onClick={remove}>
        {pending ? 'Deleting…' : 'Delete'}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      )}
    </>
  );
}
