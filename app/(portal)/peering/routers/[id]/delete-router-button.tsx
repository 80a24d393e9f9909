'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { deleteRouterAction } from '../actions';

export function DeleteRouterButton({ router }: { router: { id: number; name: string; sessions: number } }) {
  const navigation = useRouter();
  const [pending, start] = useTransition();
  const [refusal, setRefusal] = useState<string | null>(null);
  const remove = () =>
    start(async () => {
      if (!confirm(`Delete router ${router.name} and its peer groups from Peerdesk? The router itself is not changed.`)) return;
      const result = await deleteRouterAction({ id: router.id });
      if (result.ok) navigation.push('/peering/routers');
      else setRefusal(result.error.message);
    });
  return (
    <section className="flex flex-col gap-2 rounded border border-rose-200 bg-white p-4 text-sm">
      <h2 className="font-semibold text-rose-900">Delete router</h2>
      <p className="text-xs text-slate-600">
        {router.sessions ? `It has ${router.sessions} session${router.sessions === 1 ? '' : 's'}: delete or move them first.` : 'Removes it and its peer groups from Peerdesk.'}
      </p>
      <div>
        <Button variant="danger" disabled={pending} onClick={remove}>
          {pending ? 'Deleting…' : 'Delete router'}
        </Button>
      </div>
      {refusal && (
        <p role="alert" className="text-rose-700">
          {refusal}
        </p>
      )}
    </section>
  );
}
