'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, Select, TextInput } from '@/components/ui/field';
import { applyResult } from '@/components/forms/apply-result';
import { createPeerGroupInput } from '@/lib/routers/schemas';
import { createPeerGroupAction } from '../actions';

type Values = z.input<typeof createPeerGroupInput>;

export function PeerGroupForm({ routerId, exchanges }: { routerId: number; exchanges: { id: number; name: string }[] }) {
  const form = useForm<Values, unknown, z.output<typeof createPeerGroupInput>>({
    resolver: zodResolver(createPeerGroupInput),
    defaultValues: { routerId, ixId: exchanges[0]?.id, name: '', family: 4 },
  });
  const { errors, isSubmitting } = form.formState;
  // Kept apart from formState: reset() after a success clears isSubmitSuccessful.
  const [done, setDone] = useState(false);
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(false);
    const result = await createPeerGroupAction(values);
    if (applyResult(form, result)) {
      form.reset({ ...values, name: '' });
      setDone(true);
    }
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormError message={errors.root?.message} />
      {done && !errors.root && <FormSaved message="Peer group added." />}
      <Field label="Exchange" htmlFor="group-exchange" error={errors.ixId?.message}>
        <Select id="group-exchange" aria-invalid={!!errors.ixId} {...form.register('ixId')}>
          {exchanges.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Name" htmlFor="group-name" error={errors.name?.message} hint="Exactly as configured on the router.">
        <TextInput id="group-name" placeholder="IXP-V4" aria-invalid={!!errors.name} {...form.register('name')} />
      </Field>
      <Field label="Address family" htmlFor="group-family" error={errors.family?.message}>
        <Select id="group-family" {...form.register('family')}>
          <option value={4}>IPv4</option>
          <option value={6}>IPv6</option>
        </Select>
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Adding…' : 'Add group'}
      </Button>
    </form>
  );
}
