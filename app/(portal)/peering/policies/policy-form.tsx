'use client';

import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field, FormError, Select, TextInput } from '@/components/ui/field';
import { applyResult } from '@/components/forms/apply-result';
import type { RoutingPolicy } from '@/db/schema';
import { policyInput } from '@/lib/filters/policy-schemas';
import { createPolicyAction, deletePolicyAction, updatePolicyAction } from './actions';

type Values = z.input<typeof policyInput>;

/** Create (no policy) or edit one; the same schema checks it here and in the service. */
export function PolicyForm({ policy }: { policy?: RoutingPolicy }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof policyInput>>({
    resolver: zodResolver(policyInput),
    defaultValues: policy
      ? { name: policy.name, direction: policy.direction, source: policy.source, description: policy.description ?? '', communities: policy.communities.join(', '), irrFilter: policy.irrFilter, dropInvalid: policy.dropInvalid }
      : { name: '', direction: 'import', source: 'rendered', description: '', communities: '', irrFilter: true, dropInvalid: true },
  });
  const { errors, isSubmitting } = form.formState;
  const direction = form.watch('direction');
  const onSubmit = form.handleSubmit(async (values) => {
    const result = policy ? await updatePolicyAction({ ...values, id: policy.id }) : await createPolicyAction(values);
    if (applyResult(form, result)) router.push('/peering/policies');
  });
  const onDelete = async () => {
    if (!policy || !confirm(`Delete ${policy.name}? What uses it falls back to the next level.`)) return;
    const result = await deletePolicyAction({ id: policy.id });
    if (applyResult(form, result)) router.push('/peering/policies');
  };
  return (
    <form onSubmit={onSubmit} className="flex max-w-xl flex-col gap-3" noValidate>
      <FormError message={errors.root?.message} />
      <Field label="Name" htmlFor="policy-name" error={errors.name?.message} hint="The route-map, route-policy or filter name on the router.">
        <TextInput id="policy-name" placeholder="PD-IX-IN" aria-invalid={!!errors.name} {...form.register('name')} />
      </Field>
      <Field label="Direction" htmlFor="policy-direction" error={errors.direction?.message}>
        <Select id="policy-direction" {...form.register('direction')}>
          <option value="import">Import (what we accept)</option>
          <option value="export">Export (what we announce)</option>
        </Select>
      </Field>
      <Field label="Source" htmlFor="policy-source" error={errors.source?.message} hint="Export policies are always names on the router.">
        <Select id="policy-source" aria-invalid={!!errors.source} {...form.register('source')}>
          <option value="rendered">Rendered by Peerdesk</option>
          <option value="router">A name already on the router</option>
        </Select>
      </Field>
      <Field label="Description" htmlFor="policy-description" error={errors.description?.message}>
        <TextInput id="policy-description" {...form.register('description')} />
      </Field>
      {direction === 'import' && (
        <>
          <Field label="Communities" htmlFor="policy-communities" error={errors.communities?.message} hint="Tag accepted routes, e.g. 65001:100 (this exchange), 65001:1:2 (peer type); comma-separated.">
            <TextInput id="policy-communities" aria-invalid={!!errors.communities} {...form.register('communities')} />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register('irrFilter')} /> Accept only the peer&apos;s IRR prefix list
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register('dropInvalid')} /> Drop RPKI-invalid routes (when an RTR cache is set)
          </label>
        </>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : policy ? 'Save policy' : 'Create policy'}
        </Button>
        {policy && (
          <Button variant="danger" onClick={onDelete}>
            Delete
          </Button>
        )}
      </div>
    </form>
  );
}
