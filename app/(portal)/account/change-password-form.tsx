'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, TextInput } from '@/components/ui/field';
import { applyResult } from '@/components/forms/apply-result';
import { changeOwnPasswordInput } from '@/lib/users/schemas';
import { changePasswordAction } from './actions';

type Values = z.input<typeof changeOwnPasswordInput>;

export function ChangePasswordForm() {
  const form = useForm<Values>({ resolver: zodResolver(changeOwnPasswordInput), defaultValues: { currentPassword: '', newPassword: '' } });
  const { errors, isSubmitting } = form.formState;
  // Kept apart from formState: reset() after a success clears isSubmitSuccessful.
  const [done, setDone] = useState(false);
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(false);
    if (applyResult(form, await changePasswordAction(values))) {
      form.reset();
      setDone(true);
    }
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormError message={errors.root?.message} />
      {done && !errors.root && <FormSaved message="Password changed. Your other sessions are signed out; your API tokens keep working." />}
      <Field label="Current password" htmlFor="current-password" error={errors.currentPassword?.message}>
        <TextInput id="current-password" type="password" autoComplete="current-password" {...form.register('currentPassword')} />
      </Field>
      <Field label="New password" htmlFor="new-password" error={errors.newPassword?.message} hint="At least 10 characters.">
        <TextInput id="new-password" type="password" autoComplete="new-password" {...form.register('newPassword')} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
