'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, Select, TextInput } from '@/components/ui/field';
import { refreshPrefixListsAction, savePeerFiltersAction } from './filter-actions';

type Choice = { id: number; name: string };

/** The peer-level policies and AS-SET override, and "Refresh now" for its lists. */
type Props = {
  peerAsn: number;
  asSetOverride: string | null;
  importPolicyId: number | null;
  exportPolicyId: number | null;
  imports: Choice[];
  exports: Choice[];
};

export function PeerFiltersForm(props: Props) {
  const [values, setValues] = useState({ asSet: props.asSetOverride ?? '', importPolicyId: String(props.importPolicyId ?? ''), exportPolicyId: String(props.exportPolicyId ?? '') });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const save = () =>
    start(async () => {
      const result = await savePeerFiltersAction({ peerAsn: props.peerAsn, ...values });
      setMessage(result.ok ? { ok: true, text: 'Saved: the next configuration of its sessions uses it.' } : { ok: false, text: result.error.message });
    });
  const refresh = () =>
    start(async () => {
      const result = await refreshPrefixListsAction(props.peerAsn);
      setMessage(result.ok ? { ok: true, text: `Refresh queued (job #${result.data.job.id}); reload in a moment.` } : { ok: false, text: result.error.message });
    });
  const choose = (list: Choice[]) => [<option key="" value="">From the peer group, or the session type</option>, ...list.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)];
  return (
    <div className="flex max-w-xl flex-col gap-3">
      {message && (message.ok ? <FormSaved message={message.text} /> : <FormError message={message.text} />)}
      <Field label="AS-SET override" htmlFor="peer-as-set" hint="Empty: PeeringDB's AS-SET. With a source if you like: RIPE::AS-FOO.">
        <TextInput id="peer-as-set" value={values.asSet} onChange={(e) => setValues({ ...values, asSet: e.target.value })} />
      </Field>
      <Field label="Import policy" htmlFor="peer-import">
        <Select id="peer-import" value={values.importPolicyId} onChange={(e) => setValues({ ...values, importPolicyId: e.target.value })}>
          {choose(props.imports)}
        </Select>
      </Field>
      <Field label="Export policy" htmlFor="peer-export">
        <Select id="peer-export" value={values.exportPolicyId} onChange={(e) => setValues({ ...values, exportPolicyId: e.target.value })}>
          {choose(props.exports)}
        </Select>
      </Field>
      <div className="flex gap-2">
        <Button onClick={save} disabled={pending}>
          Save
        </Button>
        <Button variant="secondary" onClick={refresh} disabled={pending}>
          Refresh prefix lists now
        </Button>
      </div>
    </div>
  );
}
