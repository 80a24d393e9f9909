'use client';

import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Field, FormError, Select } from '@/components/ui/field';
import { applyResult } from '@/components/forms/apply-result';
import type { ImportRouter } from '@/db/queries/session-import';
import type { ImportReport } from '@/lib/import/apply';
import { importFormInput, livePlatforms } from '@/lib/import/schemas';
import { platformNames } from '@/lib/routers/schemas';
import { ImportPreview } from './import-preview';
import { submitImport, type ImportRequest } from './submit-import';

type Values = z.input<typeof importFormInput>;

export function ImportForm({ routers }: { routers: ImportRouter[] }) {
  const form = useForm<Values, unknown, z.output<typeof importFormInput>>({
    resolver: zodResolver(importFormInput),
    defaultValues: { routerId: routers.length === 1 ? String(routers[0].id) : '', source: 'text', config: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const [preview, setPreview] = useState<{ request: ImportRequest; report: ImportReport } | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const [importing, setImporting] = useState(false);

  const router = routers.find((r) => String(r.id) === String(form.watch('routerId')));
  const canReadLive = !!router && livePlatforms.includes(router.platform);
  const source = form.watch('source');

  // A preview stands for exactly what was asked: any change asks for a new one.
  useEffect(() => {
    const subscription = form.watch(() => setPreview(null));
    return () => subscription.unsubscribe();
  }, [form]);
  useEffect(() => {
    if (!canReadLive && source === 'router') form.setValue('source', 'text');
  }, [canReadLive, source, form]);

  const onPreview = form.handleSubmit(async ({ routerId, source, config }) => {
    setImported(null);
    const request: ImportRequest = { routerId, config: source === 'text' ? config : undefined };
    const result = await submitImport(request, true);
    if (applyResult(form, result)) setPreview({ request, report: result.data });
  });

  const onImport = async () => {
    if (!preview) return;
    setImporting(true);
    const result = await submitImport(preview.request, false);
    setImporting(false);
    if (result.ok) {
      setPreview(null);
      setImported(result.data);
    } else {
      form.setError('root', { message: result.error.message });
    }
  };

  const readFile = async (file: File | undefined) => {
    if (file) form.setValue('config', await file.text(), { shouldValidate: true, shouldDirty: true });
  };

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={onPreview} className="flex max-w-3xl flex-col gap-4 rounded border border-slate-200 bg-white p-4" noValidate>
        <FormError message={errors.root?.message} />
        <Field label="Router" htmlFor="import-router" error={errors.routerId?.message}>
          <Select id="import-router" aria-invalid={!!errors.routerId} {...form.register('routerId')}>
            {routers.length > 1 && <option value="">Choose a router</option>}
            {routers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({platformNames[r.platform]}, {r.transport === 'local' ? 'on this host' : r.hostname})
              </option>
            ))}
          </Select>
        </Field>

        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">Neighbors from</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="text" {...form.register('source')} />
            The configuration, pasted or uploaded
          </label>
          <label className={`flex items-center gap-2 text-sm ${canReadLive ? '' : 'text-slate-400'}`}>
            <input type="radio" value="router" disabled={!canReadLive} {...form.register('source')} />
            Read from the router now
            <span className="text-xs text-slate-500">(FRR: running configuration; BIRD: its BGP protocols)</span>
          </label>
        </fieldset>

        {source === 'text' && (
          <Field
            label="Configuration"
            htmlFor="import-config"
            error={errors.config?.message}
            hint={router?.platform === 'bird' ? 'bird.conf, or the output of `birdc show protocols all`.' : 'The running configuration, or just its BGP part.'}
          >
            <textarea
              id="import-config"
              rows={12}
              spellCheck={false}
              aria-invalid={!!errors.config}
              aria-describedby="import-config-error"
              placeholder={'router bgp 64500\n neighbor 192.0.2.21 remote-as 64501\n…'}
              className="rounded border border-slate-300 px-2 py-1.5 font-mono text-xs focus:border-sky-600 focus:outline-none aria-[invalid=true]:border-rose-600"
              {...form.register('config')}
            />
            <label className="mt-1 text-xs text-slate-600">
              Or upload a file:{' '}
              <input type="file" accept=".txt,.conf,.cfg,text/plain" className="text-xs" onChange={(e) => readFile(e.target.files?.[0])} />
            </label>
          </Field>
        )}

        <div className="flex items-center gap-3">
          <Button type="submit" variant={preview ? 'secondary' : 'primary'} disabled={isSubmitting}>
            {isSubmitting ? (source === 'router' ? 'Reading the router…' : 'Reading…') : 'Preview'}
          </Button>
          {preview && (
            <Button onClick={onImport} disabled={importing || preview.report.created === 0}>
              {importing ? 'Importing…' : `Import ${preview.report.created} session${preview.report.created === 1 ? '' : 's'}`}
            </Button>
          )}
        </div>
      </form>

      {preview && <ImportPreview report={preview.report} />}
      {imported && (
        <>
          <p role="status" className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            Imported {imported.created} session{imported.created === 1 ? '' : 's'} into {imported.router.name}
            {imported.peerGroupsCreated.length > 0 && ` and created ${imported.peerGroupsCreated.length} peer group${imported.peerGroupsCreated.length === 1 ? '' : 's'}`}.{' '}
            <Link href={`/peering/sessions?routerId=${imported.router.id}`} className="font-medium underline">
              See the sessions
            </Link>
          </p>
          <ImportPreview report={imported} />
        </>
      )}
    </div>
  );
}
