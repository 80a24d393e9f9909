'use client';

import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, TextInput } from '@/components/ui/field';
import { applyResult } from '@/components/forms/apply-result';
import { peeringSettingsInput } from '@/lib/settings/schemas';
import type { PeeringSettingsView } from '@/lib/settings/service';
import { updatePeeringSettingsAction } from './actions';
import { PeeringDbFields } from './peeringdb-fields';
import { formValues, type SettingsForm, type SettingsOutput, type SettingsValues } from './settings-values';

export function PeeringSettingsForm({ view }: { view: PeeringSettingsView }) {
  const form: SettingsForm = useForm<SettingsValues, unknown, SettingsOutput>({
    resolver: zodResolver(peeringSettingsInput),
    defaultValues: formValues(view),
  });
  const { errors, isSubmitting } = form.formState;
  const [saved, setSaved] = useState(false);
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await updatePeeringSettingsAction(values);
    if (applyResult(form, result)) {
      form.reset(formValues(result.data));
      setSaved(true);
    }
  });

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
      <FormError message={errors.root?.message} />
      {saved && <FormSaved message="Settings saved." />}

      <Section title="Your networks">
        <Field
          label="Local ASNs"
          htmlFor="asns"
          error={errors.asns?.message}
          hint="Comma-separated, e.g. 64500, 64501. Exchanges and peers are shown for these ASNs."
        >
          <TextInput id="asns" placeholder="1234, 5678" aria-invalid={!!errors.asns} aria-describedby="asns-error" {...form.register('asns')} />
        </Field>
        <div className="flex items-start gap-2">
          <input id="vrf-support" type="checkbox" className="mt-1" {...form.register('vrfSupport')} />
          <label htmlFor="vrf-support" className="text-sm">
            <span className="font-medium text-slate-700">VRF support</span>
            <span className="block text-xs text-slate-500">Lets routers and their BGP sessions be placed in a VRF.</span>
          </label>
        </div>
      </Section>

      <Section title="BGP state polling">
        <Field
          label="Poll interval (seconds)"
          htmlFor="bgp-poll-interval"
          error={errors.bgpPollIntervalSeconds?.message}
          hint="How often the state, uptime and prefixes of configured FRR and BIRD sessions are read from the routers. 0 turns polling off."
        >
          <TextInput id="bgp-poll-interval" inputMode="numeric" aria-invalid={!!errors.bgpPollIntervalSeconds} {...form.register('bgpPollIntervalSeconds')} />
        </Field>
      </Section>

      <Section title="Change control">
        <div className="flex items-start gap-2">
          <input id="approval-required" type="checkbox" className="mt-1" {...form.register('changeControl.approvalRequired')} />
          <label htmlFor="approval-required" className="text-sm">
            <span className="font-medium text-slate-700">Every change needs approval</span>
            <span className="block text-xs text-slate-500">A push waits on the Changes page until an Admin other than its author approves it. Production routers always do.</span>
          </label>
        </div>
        <div className="flex items-start gap-2">
          <input id="rollback-on-failure" type="checkbox" className="mt-1" {...form.register('changeControl.rollbackOnFailure')} />
          <label htmlFor="rollback-on-failure" className="text-sm">
            <span className="font-medium text-slate-700">Roll back when verification fails</span>
            <span className="block text-xs text-slate-500">The previous configuration is restored when the change&apos;s sessions are not accepted or an Established session drops.</span>
          </label>
        </div>
        <Field label="Verify for (seconds)" htmlFor="verify-seconds" error={errors.changeControl?.verifySeconds?.message} hint="How long the router's sessions are watched after a push.">
          <TextInput id="verify-seconds" inputMode="numeric" aria-invalid={!!errors.changeControl?.verifySeconds} {...form.register('changeControl.verifySeconds')} />
        </Field>
      </Section>

      <Section title="PeeringDB">
        <PeeringDbFields form={form} view={view} />
      </Section>

      <Section title="Peering request e-mails">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Sender name" htmlFor="sender-name" error={errors.requestSender?.name?.message}>
            <TextInput id="sender-name" placeholder="Example Networks Peering" {...form.register('requestSender.name')} />
          </Field>
          <Field label="Sender address" htmlFor="sender-address" error={errors.requestSender?.address?.message}>
            <TextInput
              id="sender-address"
              type="email"
              placeholder="peering@example.net"
              aria-invalid={!!errors.requestSender?.address}
              {...form.register('requestSender.address')}
            />
          </Field>
        </div>
      </Section>

      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</legend>
      {children}
    </fieldset>
  );
}
