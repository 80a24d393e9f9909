'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, Select, TextInput } from '@/components/ui/field';
import { applyResult } from '@/components/forms/apply-result';
import { roleLabels, roles } from '@/lib/auth/permissions';
import { createUserInput } from '@/lib/users/schemas';
import { createUserAction } from './actions';

type Values = z.input<typeof createUserInput>;

export function CreateUserForm() {
  const form = useForm<Values, unknown, z.output<typeof createUserInput>>({
    resolver: zodResolver(createUserInput),
    defaultValues: { email: '', name: '', role: 'viewer', password: '' },
  });
  const { errors, isSubmitting } = form.formState;
  // Kept apart from formState: reset() after a success clears isSubmitSuccessful.
  const [done, setDone] = useState(false);
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(false);
    const result = await createUserAction(values);
    if (applyResult(form, result)) {
      form.reset({ email: '', name: '', role: values.role, password: '' });
      setDone(true);
    }
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormError message={errors.root?.message} />
      {done && !errors.root && <FormSaved message="User created." />}
      <Field label="Email" htmlFor="new-email" error={errors.email?.message}>
        <TextInput id="new-email" type="email" aria-invalid={!!errors.email} {...form.register('email')} />
      </Field>
      <Field label="Name" htmlFor="new-name" error={errors.name?.message}>
        <TextInput id="new-name" {...form.register('name')} />
      </Field>
      <Field label="Role" htmlFor="new-role" error={errors.role?.message}>
        <Select id="new-role" {...form.register('role')}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Initial password" htmlFor="new-password" error={errors.password?.message} hint="At least 10 characters; tell the user to change it.">
        <TextInput id="new-password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register('password')} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Creating…' : 'Create user'}
      </Button>
    </form>
  );
}
