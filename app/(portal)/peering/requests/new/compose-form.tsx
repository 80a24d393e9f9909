'use client';

import { useState, useTransition } from 'react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, TextInput } from '@/components/ui/field';
import { peerStatusLabels } from '@/lib/peering/transitions';
import type { RequestDraft } from '@/lib/peering/requests';
import { sendRequestAction } from './actions';

/** The pre-filled request: every field editable; the exchanges to ask about as checkboxes. */
export function ComposeForm({ draft }: { draft: RequestDraft }) {
  const [to, setTo] = useState(draft.to?.email ?? '');
  const [cc, setCc] = useState('');
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const [ixIds, setIxIds] = useState(draft.exchanges.filter((x) => x.selected).map((x) => x.ixId));
  const [force, setForce] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const send = () =>
    start(async () => {
      setError(null);
      const result = await sendRequestAction({
        peerAsn: draft.peer.asn,
        localAsn: draft.localAsn ?? undefined,
        ixIds,
        to,
        cc: cc || undefined,
        subject,
        body,
        force,
      });
      if (result.ok) setSent(`Sent to ${result.data.to.join(', ')}.${result.data.sentCopyError ? ` ${result.data.sentCopyError}` : ''}`);
      else setError({ message: result.error.message, fields: result.error.fields ?? {} });
    });
  if (sent)
    return (
      <div className="flex flex-col gap-3">
        <FormSaved message={sent} />
        <Link href={`/peering/peers/${draft.peer.asn}`} className="text-sky-700 hover:underline">
          Back to AS{draft.peer.asn}
        </Link>
      </div>
    );
  return (
    <form className="flex max-w-3xl flex-col gap-4" onSubmit={(e) => (e.preventDefault(), send())} noValidate>
      <FormError message={error?.message} />
      {draft.contactNote && <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="contact-note">{draft.contactNote}</p>}
      <Field label="To" htmlFor="to" error={error?.fields.to} hint={draft.to ? `From the ${draft.to.source}` : undefined}>
        <TextInput id="to" type="email" value={to} onChange={(e) => setTo(e.target.value)} />
      </Field>
      <Field label="Cc" htmlFor="cc" error={error?.fields.cc}>
        <TextInput id="cc" value={cc} onChange={(e) => setCc(e.target.value)} placeholder="Optional, comma-separated" />
      </Field>
      <Field label="Subject" htmlFor="subject" error={error?.fields.subject}>
        <TextInput id="subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Exchanges (AS{draft.localAsn ?? '?'})</legend>
        {draft.exchanges.length === 0 && <p className="text-sm text-rose-700">AS{draft.peer.asn} shares no exchange with your ASNs.</p>}
        {draft.exchanges.map((x) => (
          <label key={x.ixId} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={ixIds.includes(x.ixId)} onChange={(e) => setIxIds(e.target.checked ? [...ixIds, x.ixId] : ixIds.filter((i) => i !== x.ixId))} />
            {x.name}: us {[x.ourIp4, x.ourIp6].filter(Boolean).join(', ') || '—'}, them {[x.peerIp4, x.peerIp6].filter(Boolean).join(', ') || '—'} ({peerStatusLabels[x.status]}
            {x.lastRequestAt ? `, last request ${new Date(x.lastRequestAt).toISOString().slice(0, 10)}` : ''})
          </label>
        ))}
        {error?.fields.ixIds && <p className="text-sm text-rose-700">{error.fields.ixIds}</p>}
      </fieldset>
      <Field label="Message" htmlFor="body" error={error?.fields.body} hint="The exchange list in the text is not updated when you change the checkboxes: edit it as you like.">
        <textarea id="body" rows={18} value={body} onChange={(e) => setBody(e.target.value)} className="w-full rounded border border-slate-300 px-2 py-1.5 font-mono text-sm" />
      </Field>
      {draft.doNotAskUntil && (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="do-not-ask">
          AS{draft.peer.asn} declined: do not ask until {new Date(draft.doNotAskUntil).toISOString().slice(0, 10)}. Tick the box below to
          send anyway.
        </p>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
        {draft.doNotAskUntil ? 'Send anyway, although the peer declined until then' : `Send even if the last request is less than ${draft.resendAfterDays} days old`}
      </label>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Send'}
        </Button>
      </div>
    </form>
  );
}
