'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { PeerGroupChoice } from '@/db/queries/session-choices';
import type { SessionView } from '@/db/queries/sessions';
import { applyResult } from '@/components/forms/apply-result';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, Select, TextInput } from '@/components/ui/field';
import { updateSessionInput } from '@/lib/sessions/schemas';
import { updateSessionAction } from '../actions';
import { PeerFields, SessionOptionFields, asnText, numberOrEmpty } from '../session-fields';

type Values = z.input<typeof updateSessionInput>;

const valuesOf = (s: SessionView): Values => ({
  id: s.id,
  peerGroupId: s.peerGroupId,
  peerAsn: String(s.peerAsn),
  peerName: s.peerName ?? '',
  peerIp: s.peerIp,
  localAsn: String(s.localAsn),
  type: s.type,
  md5: '',
  maxPrefixes: s.maxPrefixes ?? '',
  description: s.description ?? '',
  notes: s.notes ?? '',
  acknowledgeAddressMismatch: false,
});

/** Sends only what was changed, so an untouched PeeringDB default is not frozen into the record. */
export function EditSessionForm({ session, peerGroups }: { session: SessionView; peerGroups: PeerGroupChoice[] }) {
  const form = useForm<Values, unknown, z.output<typeof updateSessionInput>>({
    resolver: zodResolver(updateSessionInput),
    defaultValues: valuesOf(session),
  });
  const { errors, isSubmitting, dirtyFields } = form.formState;
  const [removeMd5, setRemoveMd5] = useState(false);
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const changed = Object.fromEntries(Object.entries(values).filter(([key]) => dirtyFields[key as keyof Values]));
    const result = await updateSessionAction({
      ...changed,
      id: session.id,
      acknowledgeAddressMismatch: values.acknowledgeAddressMismatch,
      ...(removeMd5 && { md5: null }),
    });
    if (applyResult(form, result)) {
      form.reset(valuesOf(result.data));
      setRemoveMd5(false);
      setSaved(true);
    }
  });

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={errors.root?.message} />
      {saved && <FormSaved message="Session saved." />}
      <PeerFields
        fields={{
          peerAsn: form.register('peerAsn', { setValueAs: asnText }),
          peerName: form.register('peerName'),
          peerIp: form.register('peerIp', { onChange: () => form.setValue('acknowledgeAddressMismatch', false) }),
          acknowledgeAddressMismatch: form.register('acknowledgeAddressMismatch'),
        }}
        errors={{ peerAsn: errors.peerAsn?.message, peerName: errors.peerName?.message, peerIp: errors.peerIp?.message }}
        mismatch={errors.acknowledgeAddressMismatch?.message}
        acknowledged={!!form.watch('acknowledgeAddressMismatch')}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Peer group" htmlFor="peer-group" error={errors.peerGroupId?.message}>
          <Select id="peer-group" {...form.register('peerGroupId', { setValueAs: (v) => numberOrEmpty(v) ?? null })}>
            <option value="">No peer group</option>
            {peerGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} (IPv{g.family})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Local ASN" htmlFor="local-asn" error={errors.localAsn?.message}>
          <TextInput id="local-asn" inputMode="numeric" {...form.register('localAsn', { setValueAs: (v) => numberOrEmpty(asnText(v)) })} />
        </Field>
      </div>
      <SessionOptionFields
        fields={{
          md5: form.register('md5'),
          maxPrefixes: form.register('maxPrefixes', { setValueAs: (v) => numberOrEmpty(v) ?? null }),
          type: form.register('type'),
          description: form.register('description'),
          notes: form.register('notes'),
        }}
        errors={{
          md5: errors.md5?.message,
          maxPrefixes: errors.maxPrefixes?.message,
          type: errors.type?.message,
          description: errors.description?.message,
          notes: errors.notes?.message,
        }}
        md5Hint={
          session.hasMd5 ? (
            <span className="flex flex-wrap items-center gap-x-2">
              A key is set: leave empty to keep it.
              <label className="flex items-center gap-1">
                <input type="checkbox" checked={removeMd5} onChange={(e) => setRemoveMd5(e.target.checked)} /> Remove it
              </label>
            </span>
          ) : (
            'None set; stored encrypted and never shown again.'
          )
        }
        maxPrefixesHint="Empty: no limit."
      />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}
