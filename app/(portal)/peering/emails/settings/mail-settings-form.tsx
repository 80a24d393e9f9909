'use client';

import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, Select, TextInput } from '@/components/ui/field';
import { applyResult } from '@/components/forms/apply-result';
import { mailSettingsInput, mailTlsModes } from '@/lib/mail/schemas';
import type { MailSettingsView } from '@/lib/mail/settings';
import { testMailAction, updateMailSettingsAction } from '../actions';

type Values = z.input<typeof mailSettingsInput>;
type Output = z.output<typeof mailSettingsInput>;

const account = (a: MailSettingsView['smtp'], port: number) => ({ host: a?.host ?? '', port: a?.port ?? port, tls: a?.tls ?? 'starttls', user: a?.user ?? '', password: '' });

function values(view: MailSettingsView): Values {
  return {
    smtp: view.overriddenByEnv.smtp ? undefined : account(view.smtp, 587),
    imap: view.overriddenByEnv.imap ? undefined : account(view.imap, 143),
    inboxFolder: view.inboxFolder,
    sentFolder: view.sentFolder,
    fromName: view.from.name,
    fromAddress: view.from.address,
    resendAfterDays: view.resendAfterDays,
    syncIntervalSeconds: view.syncIntervalSeconds,
  };
}

export function MailSettingsForm({ view }: { view: MailSettingsView }) {
  const form = useForm<Values, unknown, Output>({ resolver: zodResolver(mailSettingsInput), defaultValues: values(view) });
  const { errors, isSubmitting } = form.formState;
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const [tests, setTests] = useState<Record<string, { ok: boolean; message: string }>>({});
  const onSubmit = form.handleSubmit(async (input) => {
    setSaved(false);
    const result = await updateMailSettingsAction(input);
    if (applyResult(form, result)) {
      form.reset(values(result.data));
      setSaved(true);
    }
  });
  const test = (kind: 'smtp' | 'imap') =>
    start(async () => {
      const result = await testMailAction({ account: kind });
      const outcome = result.ok ? { ok: true, message: result.data.message } : { ok: false, message: result.error.message };
      setTests((t) => ({ ...t, [kind]: outcome }));
    });

  const accountFields = (kind: 'smtp' | 'imap', title: string) => {
    const v = view[kind];
    const e = errors[kind];
    return (
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</legend>
        {view.overriddenByEnv[kind] ? (
          <p className="text-sm text-slate-600">
            Set by MAIL_{kind.toUpperCase()}_URL in the environment: {v?.user}@{v?.host}:{v?.port} ({v?.tls})
          </p>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Host" htmlFor={`${kind}-host`} error={e?.host?.message}>
              <TextInput id={`${kind}-host`} {...form.register(`${kind}.host`)} />
            </Field>
            <Field label="Port" htmlFor={`${kind}-port`} error={e?.port?.message}>
              <TextInput id={`${kind}-port`} inputMode="numeric" {...form.register(`${kind}.port`)} />
            </Field>
            <Field label="Security" htmlFor={`${kind}-tls`} error={e?.tls?.message}>
              <Select id={`${kind}-tls`} {...form.register(`${kind}.tls`)}>
                {mailTlsModes.map((m) => (
                  <option key={m} value={m}>
                    {m === 'none' ? 'None (plain text)' : m === 'starttls' ? 'STARTTLS' : 'TLS'}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="User" htmlFor={`${kind}-user`} error={e?.user?.message}>
              <TextInput id={`${kind}-user`} autoComplete="off" {...form.register(`${kind}.user`)} />
            </Field>
            <Field label="Password" htmlFor={`${kind}-password`} error={e?.password?.message} hint={v?.hasPassword ? 'A password is set. Leave empty to keep it.' : undefined}>
              <TextInput id={`${kind}-password`} type="password" autoComplete="new-password" placeholder={v?.hasPassword ? '(unchanged)' : ''} {...form.register(`${kind}.password`)} />
            </Field>
          </div>
        )}
        <div className="flex items-center gap-3">
          <Button variant="secondary" disabled={pending} onClick={() => test(kind)}>
            Test {kind.toUpperCase()}
          </Button>
          {tests[kind] && (
            <p role={tests[kind].ok ? 'status' : 'alert'} data-testid={`${kind}-test-result`} className={`text-sm ${tests[kind].ok ? 'text-emerald-700' : 'text-rose-700'}`}>
              {tests[kind].message}
            </p>
          )}
        </div>
      </fieldset>
    );
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
      <FormError message={errors.root?.message} />
      {saved && <FormSaved message="Mail settings saved. Test uses the saved settings." />}
      {accountFields('smtp', 'Outgoing mail (SMTP)')}
      {accountFields('imap', 'Mailbox (IMAP)')}
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">Folders and requests</legend>
        <Field label="Inbox folder" htmlFor="inbox-folder" error={errors.inboxFolder?.message}>
          <TextInput id="inbox-folder" {...form.register('inboxFolder')} />
        </Field>
        <Field label="Sent folder" htmlFor="sent-folder" error={errors.sentFolder?.message}>
          <TextInput id="sent-folder" {...form.register('sentFolder')} />
        </Field>
        <Field label="From name" htmlFor="from-name" error={errors.fromName?.message} hint="Empty: the request sender of Peering settings.">
          <TextInput id="from-name" {...form.register('fromName')} />
        </Field>
        <Field label="From address" htmlFor="from-address" error={errors.fromAddress?.message}>
          <TextInput id="from-address" type="email" {...form.register('fromAddress')} />
        </Field>
        <Field label="Resend after (days)" htmlFor="resend-days" error={errors.resendAfterDays?.message} hint="A request is not resent sooner unless forced.">
          <TextInput id="resend-days" inputMode="numeric" {...form.register('resendAfterDays')} />
        </Field>
        <Field label="Sync every (seconds)" htmlFor="sync-interval" error={errors.syncIntervalSeconds?.message} hint="0 turns the automatic sync off.">
          <TextInput id="sync-interval" inputMode="numeric" {...form.register('syncIntervalSeconds')} />
        </Field>
      </fieldset>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save mail settings'}
        </Button>
      </div>
    </form>
  );
}
