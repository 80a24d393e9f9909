'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field, FormError, Select, TextInput } from '@/components/ui/field';
import { applyResult } from '@/components/forms/apply-result';
import { createTokenInput } from '@/lib/users/schemas';
import { createTokenAction } from './actions';

type Values = z.input<typeof createTokenInput>;

export function CreateTokenForm() {
  const [secret, setSecret] = useState<string | null>(null);
  const blank: Values = { name: '', scope: 'write', expiresInDays: 90 };
  const form = useForm<Values, unknown, z.output<typeof createTokenInput>>({
    resolver: zodResolver(createTokenInput),
    defaultValues: blank,
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createTokenAction(values);
    if (applyResult(form, result)) {
      setSecret(result.data.secret);
      form.reset(blank);
    }
  });
  return (
    <div className="flex flex-col gap-3">
      {secret && (
        <div role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">Copy this token now: it will not be shown again.</p>
          <code data-testid="new-token" className="mt-1 block break-all font-mono text-xs">
            {secret}
          </code>
        </div>
      )}
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
        <Field label="New token name" htmlFor="token-name" error={errors.name?.message}>
          <TextInput id="token-name" placeholder="e.g. automation" {...form.register('name')} />
        </Field>
        <Field label="Access" htmlFor="token-scope" error={errors.scope?.message}>
          <Select id="token-scope" {...form.register('scope')}>
            <option value="write">Read and write</option>
            <option value="read">Read only (GET)</option>
          </Select>
        </Field>
        <Field label="Expires in (days)" htmlFor="token-days" error={errors.expiresInDays?.message}>
          <TextInput id="token-days" type="number" min={1} max={365} {...form.register('expiresInDays')} />
        </Field>
        <Button type="submit" disabled={isSubmitting}>
          Create token
        </Button>
      </form>
      <FormError message={errors.root?.message} />
    </div>
  );
}
