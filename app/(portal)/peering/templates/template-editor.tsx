'use client';

import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { Platform } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, Select, TextInput } from '@/components/ui/field';
import { applyResult } from '@/components/forms/apply-result';
import { platformLabels, platforms } from '@/lib/routers/schemas';
import { createTemplateAction, updateTemplateAction } from './actions';
import { ErrorLocation, positionOf } from './error-location';
import { PreviewPanel, type PeerChoice, type SessionChoice } from './preview-panel';

export type EditedTemplate = { id?: number; kind: 'config' | 'email'; platform: Platform | null; name: string; subject: string | null; body: string; isDefault: boolean };

type Values = { kind: 'config' | 'email'; platform: string; name: string; subject: string; body: string; isDefault: boolean };

const code = 'min-h-[24rem] w-full rounded border border-slate-300 p-2 font-mono text-xs leading-5 focus:border-sky-600 focus:outline-none aria-[invalid=true]:border-rose-600';

const valuesOf = (t: EditedTemplate): Values => ({
  kind: t.kind,
  platform: t.platform ?? '',
  name: t.name,
  subject: t.subject ?? '',
  body: t.body,
  isDefault: t.isDefault,
});

/**
 * New, edit or read-only (built-in templates, and roles that may not change templates): the same code
 * box and preview; only what may be saved offers to save.
 */
export function TemplateEditor({ template, mode, sessions, peers }: { template: EditedTemplate; mode: 'new' | 'edit' | 'read'; sessions: SessionChoice[]; peers: PeerChoice[] }) {
  const navigation = useRouter();
  const form = useForm<Values>({ defaultValues: valuesOf(template) });
  const { errors, isSubmitting } = form.formState;
  const [saved, setSaved] = useState<string | null>(null);
  const [kind, platform, body] = form.watch(['kind', 'platform', 'body']);
  const readOnly = mode === 'read';
  const { body: storedBody, subject: storedSubject, name: storedName } = template;
  // A revert elsewhere on the page changes the stored text: show it (a save here already did).
  useEffect(() => {
    const shown = form.getValues();
    if (shown.body === storedBody && shown.subject === (storedSubject ?? '') && shown.name === storedName) return;
    form.reset({ ...shown, body: storedBody, subject: storedSubject ?? '', name: storedName });
    setSaved(null);
  }, [form, storedBody, storedSubject, storedName]);

  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(null);
    if (mode === 'new') {
      const result = await createTemplateAction({ ...v, platform: v.kind === 'config' ? v.platform || null : null, subject: v.kind === 'email' ? v.subject : null });
      if (applyResult(form, result)) navigation.push(`/peering/templates/${result.data.id}`);
      return;
    }
    const result = await updateTemplateAction({ id: template.id, name: v.name, body: v.body, ...(template.kind === 'email' && { subject: v.subject }) });
    if (!applyResult(form, result)) return;
    form.reset(valuesOf(result.data));
    setSaved(`Saved as revision ${result.data.revision}.`);
    navigation.refresh();
  });

  const bodyError = errors.body?.message;
  const subjectError = errors.subject?.message;
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <form onSubmit={onSubmit} className="flex flex-col gap-4 rounded border border-slate-200 bg-white p-4" noValidate>
        <FormError message={errors.root?.message} />
        {saved && <FormSaved message={saved} />}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Name" htmlFor="template-name" error={errors.name?.message}>
            <TextInput id="template-name" readOnly={readOnly} aria-invalid={!!errors.name} {...form.register('name')} />
          </Field>
          {mode === 'new' ? (
            <Field label="Kind" htmlFor="template-kind" error={errors.kind?.message}>
              <Select id="template-kind" {...form.register('kind')}>
                <option value="config">Config (one session&apos;s router configuration)</option>
                <option value="email">E-mail (peering request)</option>
              </Select>
            </Field>
          ) : null}
          {kind === 'config' &&
            (mode === 'new' ? (
              <Field label="Platform" htmlFor="template-platform" error={errors.platform?.message}>
                <Select id="template-platform" aria-invalid={!!errors.platform} {...form.register('platform')}>
                  <option value="">Choose…</option>
                  {platforms.map((p) => (
                    <option key={p} value={p}>
                      {platformLabels[p]}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : (
              <p className="text-sm text-slate-600">
                Platform: <strong>{template.platform ? platformLabels[template.platform] : '—'}</strong>
              </p>
            ))}
        </div>
        {kind === 'email' && (
          <Field label="Subject" htmlFor="template-subject" error={subjectError}>
            <TextInput id="template-subject" readOnly={readOnly} aria-invalid={!!subjectError} {...form.register('subject')} />
          </Field>
        )}
        <Field label="Template" htmlFor="template-body" error={bodyError} hint="Liquid: {{ variable }}, {% if %}, {% for %}; the variables are listed on this page.">
          <textarea id="template-body" spellCheck={false} readOnly={readOnly} className={code} aria-invalid={!!bodyError} {...form.register('body')} />
        </Field>
        {bodyError && <ErrorLocation body={body} {...positionOf(bodyError)} />}
        {mode === 'new' && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register('isDefault')} />
            Make it the default for its {kind === 'config' ? 'platform' : 'kind'}
          </label>
        )}
        {!readOnly && (
          <div>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? 'Saving…' : mode === 'new' ? 'Create template' : 'Save (new revision)'}
            </Button>
          </div>
        )}
      </form>
      <PreviewPanel
        kind={kind}
        read={() => ({ body: form.getValues('body'), subject: form.getValues('subject') })}
        sessions={kind === 'config' && platform ? sessions.filter((s) => s.platform === platform) : sessions}
        peers={peers}
      />
    </div>
  );
}
