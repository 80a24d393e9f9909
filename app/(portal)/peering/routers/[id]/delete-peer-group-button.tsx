'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { deletePeerGroupAction } from '../actions';

export function DeletePeerGroupButton({ group }: { group: { id: number; name: string; family: number } }) {
  const [pending, start] = useTransition();
  const [refusal, setRefusal] = useState<string | null>(null);
  const remove = () =>
    start(async () => {
      if (!confirm(`Forget the IPv${group.family} peer group ${group.name}? The router is not changed.`)) return;
      const result = await deletePeerGroupAction({ id: group.id });
      setRefusal(result.ok ? null : result.error.message);
    });
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="link" className="text-xs text-rose-700" disabled={pending} onClick={remove}>
        Delete
      </Button>
      {refusal && (
        <p role="alert" className="max-w-56 text-xs text-rose-700">
          {refusal}
        </p>
      )}
    </div>
  );
}
