'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import type { PeeringSettingsView } from '@/lib/settings/service';
import { testPeeringDbAction, updatePeeringSettingsAction } from './actions';
import type { SettingsForm } from './settings-values';

const servers = [
  { label: 'Main', url: 'https://www.peeringdb.com/api' },
  { label: 'Beta', url: 'https://beta.peeringdb.com/api' },
];

const fromEnv = (variable: string) => `Set by ${variable} in the environment`;

const originOrNull = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** URL, API key, cache TTL and the Test button; values set in the environment are shown read-only. */
export function PeeringDbFields({ form, view }: { form: SettingsForm; view: PeeringSettingsView }) {
  const env = view.overriddenByEnv;
  const errors = form.formState.errors.peeringdb;
  const [ttl, typedUrl] = form.watch(['peeringdb.cacheTtl', 'peeringdb.url']);
  const keyOrigin = view.peeringdb.hasApiKey ? originOrNull(view.peeringdb.url) : view.peeringdb.apiKeyHeldFor;
  const typedOrigin = originOrNull(typedUrl ?? '');
  const keyStaysBehind = !env.url && !!keyOrigin && !!typedOrigin && typedOrigin !== keyOrigin;
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  const test = () =>
    start(async () => {
      setOutcome(null);
      const { url, apiKey } = form.getValues('peeringdb') ?? {};
      const result = await testPeeringDbAction({ url: env.url ? undefined : url, apiKey: apiKey || undefined });
      setOutcome(result.ok ? { ok: true, message: result.data.message } : { ok: false, message: result.error.message });
    });
  const removeKey = () =>
    start(async () => {
      if (!confirm('Remove the stored PeeringDB API key? Syncs continue anonymously, without contacts visible to users only.')) return;
      const result = await updatePeeringSettingsAction({ peeringdb: { apiKey: null } });
      setOutcome(result.ok ? { ok: true, message: 'The API key was removed.' } : { ok: false, message: result.error.message });
    });

  return (
    <>
      <Field label="PeeringDB URL" htmlFor="pdb-url" error={errors?.url?.message} hint={env.url ? fromEnv('PEERINGDB_URL') : 'PeeringDB itself, its beta, or any compatible server, over https (http only on this machine).'}>
        {env.url ? (
          <TextInput id="pdb-url" value={view.peeringdb.url} readOnly className="rounded border border-slate-200 bg-slate-100 px-2 py-1.5 text-sm text-slate-600" />
        ) : (
          <>
            <TextInput id="pdb-url" aria-invalid={!!errors?.url} {...form.register('peeringdb.url')} />
            <div className="flex flex-wrap gap-2 text-xs">
              {servers.map((s) => (
                <Button key={s.url} variant="secondary" className="!px-2 !py-0.5 text-xs" onClick={() => form.setValue('peeringdb.url', s.url, { shouldDirty: true })}>
                  {s.label} ({s.url})
                </Button>
              ))}
            </div>
          </>
        )}
      </Field>

      {env.apiKey ? (
        <Field label="API key" htmlFor="pdb-key" hint={fromEnv('PEERINGDB_API_KEY')}>
          <TextInput id="pdb-key" value="••••••••" readOnly className="rounded border border-slate-200 bg-slate-100 px-2 py-1.5 text-sm text-slate-600" />
        </Field>
      ) : (
        <Field
          label="API key"
          htmlFor="pdb-key"
          error={errors?.apiKey?.message}
          hint={view.peeringdb.hasApiKey ? 'Leave empty to keep the stored key; type a new one to replace it.' : 'Create one in your PeeringDB profile (API Keys); read-only is enough.'}
        >
          {view.peeringdb.hasApiKey && (
            <p className="flex items-center gap-3 text-sm text-emerald-800" data-testid="api-key-set">
              A valid account is set.
              <Button variant="link" className="text-xs text-rose-700" disabled={pending} onClick={removeKey}>
                Remove key
              </Button>
            </p>
          )}
          {keyStaysBehind && (
            <p className="text-sm text-amber-800" data-testid="api-key-held">
              The stored key is sent only to {keyOrigin}, where it was saved. Enter it again to use it with {typedOrigin}.
            </p>
          )}
          <TextInput id="pdb-key" type="password" autoComplete="new-password" placeholder={view.peeringdb.hasApiKey ? '(unchanged)' : ''} {...form.register('peeringdb.apiKey')} />
        </Field>
      )}

      <Field
        label="Cache TTL (seconds)"
        htmlFor="pdb-ttl"
        error={errors?.cacheTtl?.message}
        hint={
          env.cacheTtl
            ? fromEnv('PEERINGDB_CACHE_TTL')
            : 'Time between automatic refreshes from PeeringDB; 43200 is 12 hours. 0 means real time: every use refreshes from PeeringDB, which can make pages lag.'
        }
      >
        {env.cacheTtl ? (
          <TextInput id="pdb-ttl" value={view.peeringdb.cacheTtl} readOnly className="w-40 rounded border border-slate-200 bg-slate-100 px-2 py-1.5 text-sm text-slate-600" />
        ) : (
          <TextInput id="pdb-ttl" type="number" min={0} step={1} className="w-40 rounded border border-slate-300 px-2 py-1.5 text-sm" aria-invalid={!!errors?.cacheTtl} {...form.register('peeringdb.cacheTtl', { valueAsNumber: true })} />
        )}
      </Field>
      {Number(env.cacheTtl ? view.peeringdb.cacheTtl : ttl) === 0 && (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          Real time (0): every use refreshes from PeeringDB, so pages can lag, and PeeringDB&apos;s rate limits (40 requests a minute with a
          key) are reached sooner.
        </p>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" disabled={pending} onClick={test}>
          {pending ? 'Testing…' : 'Test'}
        </Button>
        {outcome && (
          <p role={outcome.ok ? 'status' : 'alert'} data-testid="pdb-test-result" className={`text-sm ${outcome.ok ? 'text-emerald-700' : 'text-rose-700'}`}>
            {outcome.message}
          </p>
        )}
      </div>

      <details className="rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
        <summary className="cursor-pointer font-medium text-slate-700">Username and password (legacy)</summary>
        <p className="mt-2 text-slate-600">
          Peerdesk no longer signs in to PeeringDB with a username and password: PeeringDB refuses basic authentication with HTTP 403
          &ldquo;Basic authentication support has been deprecated&rdquo;. An API key is required instead: create one under API Keys in your
          PeeringDB profile and enter it above.
        </p>
      </details>
    </>
  );
}
