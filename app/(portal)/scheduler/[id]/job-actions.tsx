'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, TextInput } from '@/components/ui/field';
import { cancelJobAction, rescheduleJobAction, runJobNowAction } from '../actions';

// datetime-local speaks the browser's local time, without a zone.
const localInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Edit the time, Run now, Cancel: shown to those who may; the server checks again on each. */
export function JobActions({ id, runAt, label }: { id: number; runAt: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The browser's time zone is known only after hydration: the server renders the field empty.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- one extra render, once per job time
  useEffect(() => setValue(localInput(runAt)), [runAt]);

  const act = (
    run: () => Promise<{ ok: true } | { ok: false; error: { message: string; fields?: Record<string, string> } }>,
    done: string,
  ) =>
    start(async () => {
      setError(null);
      setFieldError(null);
      setSaved(null);
      const result = await run();
      if (result.ok) {
        setSaved(done);
        router.refresh();
      } else if (result.error.fields?.runAt) setFieldError(result.error.fields.runAt);
      else setError(result.error.message);
    });

  const reschedule = (e: React.FormEvent) => {
    e.preventDefault();
    if (!value) return setFieldError('Enter a date and time');
    act(() => rescheduleJobAction({ id, runAt: new Date(value).toISOString() }), 'New time saved.');
  };
  const cancel = () => {
    if (!confirm(`Cancel job #${id} (${label})? It will not run.`)) return;
    act(() => cancelJobAction(id), 'Job cancelled.');
  };

  return (
    <section aria-label="Actions" className="mt-4 rounded border border-slate-200 bg-white p-4">
      <FormError message={error ?? undefined} />
      {saved && <FormSaved message={saved} />}
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <form onSubmit={reschedule} className="flex items-end gap-2" noValidate>
          <Field label="Run at (your local time)" htmlFor="run-at" error={fieldError ?? undefined}>
            <TextInput id="run-at" type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={!!fieldError} />
          </Field>
          <Button type="submit" variant="secondary" disabled={pending}>
            Save time
          </Button>
        </form>
        <Button disabled={pending} onClick={() => act(() => runJobNowAction(id), 'Started: it runs within seconds.')}>
          Run now
        </Button>
        <Button variant="danger" disabled={pending} onClick={cancel}>
          Cancel job
        </Button>
      </div>
    </section>
  );
}
