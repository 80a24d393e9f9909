'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ConfigStatus } from '@/db/schema';
import { deleteSessionAction } from '../actions';
import { deleteQuestion } from '../session-row-menu';

export function DeleteSessionButton({ id, label, status }: { id: number; label: string; status: ConfigStatus }) {
  const navigate = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const remove = () => {
    if (!confirm(deleteQuestion(label, status))) return;
    start(async () => {
      const result = await deleteSessionAction(id);
      if (result.ok && 'job' in result.data) navigate.refresh();
      else if (result.ok) navigate.push('/peering/sessions');
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
