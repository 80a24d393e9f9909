'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, TextInput } from '@/components/ui/field';
import { notificationEventLabels, notificationEvents, type NotificationEvent } from '@/lib/notifications/events';
import { createWebhookAction, deleteWebhookAction, setPreferencesAction } from './actions';

function EventChoices({ chosen, onChange, idPrefix }: { chosen: string[]; onChange: (next: string[]) => void; idPrefix: string }) {
  return (
    <fieldset className="flex flex-col gap-1 text-sm">
      {notificationEvents.map((e) => (
        <label key={e} htmlFor={`${idPrefix}-${e}`} className="flex items-center gap-2">
          <input id={`${idPrefix}-${e}`} type="checkbox" checked={chosen.includes(e)} onChange={(x) => onChange(x.target.checked ? [...chosen, e] : chosen.filter((c) => c !== e))} />
          {notificationEventLabels[e as NotificationEvent]}
        </label>
      ))}
    </fieldset>
  );
}

/** The events this user receives by e-mail, at their account's address. */
export function EmailPreferencesForm({ emailEvents }: { emailEvents: string[] }) {
  const [chosen, setChosen] = useState(emailEvents);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await setPreferencesAction({ emailEvents: chosen });
          setMessage(r.ok ? { ok: true, text: 'Saved.' } : { ok: false, text: r.error.message });
        });
      }}
    >
      <EventChoices chosen={chosen} onChange={setChosen} idPrefix="mail" />
      {message && (message.ok ? <FormSaved message={message.text} /> : <FormError message={message.text} />)}
      <div>
        <Button type="submit" disabled={pending}>
          Save
        </Button>
      </div>
    </form>
  );
}

/** A new webhook: URL, events, and a secret (left empty, Peerdesk makes one and shows it once). */
export function CreateWebhookForm() {
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [made, setMade] = useState<string | null>(null);
  return (
    <form
      className="flex flex-col gap-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await createWebhookAction({ url, events, secret: secret || undefined });
          setError(r.ok ? null : { message: r.error.message, fields: r.error.fields ?? {} });
          if (r.ok) {
            setMade('secret' in r.data ? `Added. Its secret, shown this once: ${r.data.secret}` : 'Added.');
            setUrl('');
            setSecret('');
          }
        });
      }}
    >
      <FormError message={error?.message} />
      {made && <FormSaved message={made} />}
      <Field label="URL" htmlFor="hook-url" error={error?.fields.url} hint="A Slack incoming webhook works as is: it posts the `text` field.">
        <TextInput id="hook-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.example.net/peerdesk" />
      </Field>
      <Field label="Secret (optional)" htmlFor="hook-secret" error={error?.fields.secret} hint="Signs every delivery: X-Peerdesk-Signature: sha256=HMAC-SHA256(secret, body).">
        <TextInput id="hook-secret" type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} />
      </Field>
      <EventChoices chosen={events} onChange={setEvents} idPrefix="hook" />
      {error?.fields.events && <p className="text-sm text-rose-700">{error.fields.events}</p>}
      <div>
        <Button type="submit" disabled={pending}>
          Add webhook
        </Button>
      </div>
    </form>
  );
}

export function DeleteWebhookButton({ id }: { id: number }) {
  const [pending, start] = useTransition();
  return (
    <Button variant="secondary" disabled={pending} onClick={() => confirm('Delete this webhook and its delivery log?') && start(async () => void (await deleteWebhookAction({ id })))}>
      Delete
    </Button>
  );
}
