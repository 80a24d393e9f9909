'use client';

import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field, FormError, TextInput } from '@/components/ui/field';
import { applyResult } from '@/components/forms/apply-result';
import { changeOwnPasswordInput } from '@/lib/users/schemas';
import { changePasswordAction } from './actions';

type Values = z.input<typeof changeOwnPasswordInput>;

export function ChangePasswordForm() {
  const form = useForm<Values>({ resolver: zodResolver(changeOwnPasswordInput), defaultValues: { currentPassword: '', newPassword: '' } });
  const { errors, isSubmitting } = form.formState;
  // A success ends every session of the user and goes to the sign-in page: only a refusal comes back here.
  const onSubmit = form.handleSubmit(async (values) => {
    applyResult(form, await changePasswordAction(values));
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormError message={errors.root?.message} />
      <Field label="Current password" htmlFor="current-password" error={errors.currentPassword?.message}>
        <TextInput id="current-password" type="password" autoComplete="current-password" {...form.register('currentPassword')} />
      </Field>
      <Field label="New password" htmlFor="new-password" error={errors.newPassword?.message} hint="At least 10 characters.">
        <TextInput id="new-password" type="password" autoComplete="new-password" {...form.register('newPassword')} />
      </Field>
      <p className="text-sm text-slate-600">Changing it signs you out everywhere, here too; your API tokens keep working.</p>
      <Button type="submit" disabled={isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
