'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { revertTemplateAction } from '../actions';

type Revision = { revision: number; subject: string | null; body: string; author: string | null; createdAt: Date };

/** Every saved revision, newest first; reverting saves the old text as a new revision. */
export function RevisionHistory({ templateId, current, revisions, mayRevert }: {
  templateId: number;
  current: number;
  revisions: Revision[];
  mayRevert: boolean;
}) {
  const navigation = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const revert = (revision: number) =>
    start(async () => {
      if (!confirm(`Save revision ${revision}'s text as a new revision?`)) return;
      const result = await revertTemplateAction({ id: templateId, revision });
      setMessage(result.ok ? `Reverted to revision ${revision}: saved as revision ${result.data.revision}.` : result.error.message);
      if (result.ok) navigation.refresh();
    });
  return (
    <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-label="Revision history">
      <h2 className="mb-2 font-semibold">Revision history</h2>
      {message && (
        <p role="status" className="mb-2 text-emerald-700">
          {message}
        </p>
      )}
      <ol className="divide-y divide-slate-100">
        {revisions.map((r) => (
          <li key={r.revision} className="py-2" data-testid={`revision-${r.revision}`}>
            <div className="flex items-center justify-between gap-2">
              <span>
                <strong>Revision {r.revision}</strong>
                {r.revision === current && <span className="ml-1 text-xs text-emerald-700">(current)</span>}
                <span className="ml-2 text-xs text-slate-500">
                  {new Date(r.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC · {r.author ?? 'unknown'}
                </span>
              </span>
              {mayRevert && r.revision !== current && (
                <Button variant="secondary" disabled={pending} onClick={() => revert(r.revision)}>
                  Revert
                </Button>
              )}
            </div>
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-sky-700">Show text</summary>
              {r.subject !== null && <p className="mt-1 text-xs">Subject: {r.subject}</p>}
              <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs">{r.body}</pre>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
