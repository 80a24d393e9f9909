'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { deleteTemplateAction, setDefaultTemplateAction } from '../actions';

/** Set or clear the default, and delete (after confirmation). Only shown to who may manage templates. */
export function TemplateAdmin({ template, scope }: { template: { id: number; name: string; isDefault: boolean }; scope: string }) {
  const navigation = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const toggleDefault = () =>
    start(async () => {
      const result = await setDefaultTemplateAction({ id: template.id, isDefault: !template.isDefault });
      setMessage(result.ok ? null : result.error.message);
      if (result.ok) navigation.refresh();
    });
  const remove = () =>
    start(async () => {
      if (!confirm(`Delete template "${template.name}" and all its revisions?`)) return;
      const result = await deleteTemplateAction({ id: template.id });
      if (result.ok) navigation.push('/peering/templates');
      else setMessage(result.error.message);
    });
  return (
    <section className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-4 text-sm">
      <span className="text-slate-600">{template.isDefault ? `The default for ${scope}.` : `Not the default for ${scope}.`}</span>
      <Button variant="secondary" disabled={pending} onClick={toggleDefault}>
        {template.isDefault ? 'Stop using as default' : 'Make default'}
      </Button>
      <Button variant="danger" disabled={pending} onClick={remove}>
        Delete template
      </Button>
      {message && (
        <p role="alert" className="w-full text-rose-700">
          {message}
        </p>
      )}
    </section>
  );
}
