'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError, TextInput } from '@/components/ui/field';
import { configureSessionAction } from '../../config-actions';
import { loadRunningDiffAction } from './actions';

type Props = {
  sessionId: number;
  routerName: string;
  renderOnly: boolean;
  template: { name: string; revision: number } | null;
  rendered: string;
  templateError: string | null;
};

/** A datetime-local value one hour from now, in the browser's time zone. */
function inAnHour() {
  const at = new Date(Date.now() + 3_600_000);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const pre = 'max-h-96 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100';

export function ConfigManager({ sessionId, routerName, renderOnly, template, rendered, templateError }: Props) {
  const navigate = useRouter();
  const [text, setText] = useState(rendered);
  const [at, setAt] = useState(inAnHour);
  const [running, setRunning] = useState<{ running: string; diff: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const edited = text !== rendered ? text : undefined;

  const loadRunning = () =>
    start(async () => {
      const result = await loadRunningDiffAction({ sessionId, config: edited });
      setError(result.ok ? null : result.error.message);
      setRunning(result.ok ? result.data : null);
    });
  const push = (mode: 'now' | 'schedule') =>
    start(async () => {
      const result = await configureSessionAction({ sessionId, mode, config: edited, ...(mode === 'schedule' && { at: new Date(at).toISOString() }) });
      if (result.ok) return navigate.push(`/peering/sessions/${sessionId}`);
      setError(result.error.message);
      setFieldErrors(result.error.fields ?? {});
    });

  return (
    <div className="flex flex-col gap-4">
      <FormError message={error ?? undefined} />
      {templateError && (
        <p role="alert" className="rounded border border-rose-200 bg-rose-50 px-3 py-2 font-mono text-sm text-rose-800">
          {templateError}
        </p>
      )}
      {renderOnly && <p className="text-sm text-slate-600">{routerName} is render-only: a push is rendered and recorded, never sent.</p>}
      <section className="rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-1 font-semibold">Configuration for {routerName}</h2>
        <p className="mb-2 text-xs text-slate-500">
          {template ? `Rendered with template "${template.name}" (${template.revision ? `revision ${template.revision}` : 'built-in'}). ` : ''}
          Edits apply to this push only and are kept in its record, not in the template. MD5 keys show as ******** and are filled in when
          pushed.
        </p>
        <label htmlFor="config-text" className="sr-only">
          Configuration text
        </label>
        <textarea
          id="config-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={Math.min(30, Math.max(10, text.split('\n').length + 1))}
          spellCheck={false}
          aria-invalid={!!fieldErrors.config}
          className="w-full rounded border border-slate-300 p-2 font-mono text-xs"
        />
        {fieldErrors.config && <p className="text-xs text-rose-700">{fieldErrors.config}</p>}
        {edited !== undefined && (
          <Button variant="link" className="text-xs" onClick={() => setText(rendered)}>
            Undo my edits
          </Button>
        )}
      </section>
      {!renderOnly && (
        <section className="rounded border border-slate-200 bg-white p-4">
          <div className="mb-2 flex items-center gap-3">
            <h2 className="font-semibold">Running config and diff</h2>
            <Button variant="secondary" disabled={pending} onClick={loadRunning}>
              {pending ? 'Working…' : 'Load running config & diff'}
            </Button>
          </div>
          {running ? (
            <div className="grid gap-3 lg:grid-cols-2">
              <div>
                <h3 className="mb-1 text-xs font-semibold text-slate-600">On {routerName} now, for this neighbor</h3>
                <pre className={pre}>{running.running || '(nothing: the neighbor is not configured there)'}</pre>
              </div>
              <div>
                <h3 className="mb-1 text-xs font-semibold text-slate-600">Diff</h3>
                <pre className={pre}>{running.diff || '(no change)'}</pre>
              </div>
            </div>
          ) : (
            <p className="text-xs text-slate-500">Connects to the router to read what it runs; the diff is against the text above.</p>
          )}
        </section>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <Button disabled={pending || (!!templateError && edited === undefined)} onClick={() => push('now')}>
          Push now
        </Button>
        <Field label="Or at" htmlFor="push-at" error={fieldErrors.at}>
          <TextInput id="push-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </Field>
        <Button variant="secondary" disabled={pending || (!!templateError && edited === undefined)} onClick={() => push('schedule')}>
          Schedule
        </Button>
      </div>
    </div>
  );
}
