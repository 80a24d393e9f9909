'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, Select, TextInput } from '@/components/ui/field';
import type { FollowUpSettings, NoticeSettings } from '@/lib/peering/follow-up-schemas';
import { updateRequestSettingsAction } from './actions';

/** Follow-ups of unanswered requests and the cap on bulk notices (PATCH /settings {followUp, notices}). */
export function FollowUpForm({ followUp, notices }: { followUp: FollowUpSettings; notices: NoticeSettings }) {
  const [afterHours, setAfterHours] = useState(String(followUp.afterHours));
  const [max, setMax] = useState(String(followUp.max));
  const [mode, setMode] = useState(followUp.mode);
  const [maxPerHour, setMaxPerHour] = useState(String(notices.maxPerHour));
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [saved, setSaved] = useState(false);
  const save = () =>
    start(async () => {
      setSaved(false);
      const result = await updateRequestSettingsAction({ followUp: { afterHours, max, mode }, notices: { maxPerHour } });
      setError(result.ok ? null : { message: result.error.message, fields: result.error.fields ?? {} });
      setSaved(result.ok);
    });
  return (
    <form className="flex flex-col gap-3" onSubmit={(e) => (e.preventDefault(), save())} noValidate>
      <FormError message={error?.message} />
      {saved && <FormSaved message="Saved." />}
      <Field label="Follow up after (hours without an answer)" htmlFor="fu-after" error={error?.fields['followUp.afterHours']}>
        <TextInput id="fu-after" inputMode="numeric" value={afterHours} onChange={(e) => setAfterHours(e.target.value)} />
      </Field>
      <Field label="Follow-ups at most" htmlFor="fu-max" error={error?.fields['followUp.max']} hint="After the last one goes unanswered for the same time, the request is Stalled. 0: none.">
        <TextInput id="fu-max" inputMode="numeric" value={max} onChange={(e) => setMax(e.target.value)} />
      </Field>
      <Field label="Follow-ups are" htmlFor="fu-mode" error={error?.fields['followUp.mode']}>
        <Select id="fu-mode" value={mode} onChange={(e) => setMode(e.target.value as FollowUpSettings['mode'])}>
          <option value="suggest">Suggested on the Requests page (one click sends)</option>
          <option value="send">Sent by Peerdesk</option>
        </Select>
      </Field>
      <Field label="Bulk notices: at most per hour" htmlFor="notice-cap" error={error?.fields['notices.maxPerHour']}>
        <TextInput id="notice-cap" inputMode="numeric" value={maxPerHour} onChange={(e) => setMaxPerHour(e.target.value)} />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
      </div>
    </form>
  );
}
