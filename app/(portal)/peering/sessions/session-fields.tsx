import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field, Select, TextInput } from '@/components/ui/field';
import { MD5_KEY_RULE } from '@/lib/templates/quoting';
import { sessionTypeLabels, sessionTypes } from '@/lib/sessions/schemas';

// Shared by the Add Session wizard and the edit form. They hold different form types, so these
// take what register() returned rather than the form itself.
type Registered = UseFormRegisterReturn;
type Errors<K extends string> = Partial<Record<K, string | undefined>>;

const textarea = 'rounded border border-slate-300 px-2 py-1.5 text-sm focus:border-sky-600 focus:outline-none';

/** Peer ASN, name and IP, with "Add anyway" when PeeringDB lists the peer there at another address. */
export function PeerFields({ fields, errors, mismatch, acknowledged, ipHint }: {
  fields: Record<'peerAsn' | 'peerName' | 'peerIp' | 'acknowledgeAddressMismatch', Registered>;
  errors: Errors<'peerAsn' | 'peerName' | 'peerIp'>;
  mismatch?: string;
  acknowledged: boolean;
  ipHint?: ReactNode;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-[10rem_1fr_16rem]">
      <Field label="Peer ASN" htmlFor="peer-asn" error={errors.peerAsn}>
        <TextInput id="peer-asn" inputMode="numeric" placeholder="65002" aria-invalid={!!errors.peerAsn} {...fields.peerAsn} />
      </Field>
      <Field label="Peer name" htmlFor="peer-name" error={errors.peerName} hint="Empty: the name in PeeringDB">
        <TextInput id="peer-name" {...fields.peerName} />
      </Field>
      <div className="flex flex-col gap-2">
        <Field label="Peer IP" htmlFor="peer-ip" error={errors.peerIp} hint={ipHint}>
          <TextInput id="peer-ip" placeholder="10.0.12.2" aria-invalid={!!errors.peerIp} aria-describedby="peer-ip-error" {...fields.peerIp} />
        </Field>
        {(mismatch || acknowledged) && (
          <label className="flex items-start gap-2 rounded border border-amber-300 bg-amber-50 px-2 py-1.5 text-xs text-amber-900">
            <input type="checkbox" className="mt-0.5" {...fields.acknowledgeAddressMismatch} />
            <span>
              <span className="block text-sm font-medium">Add anyway</span>
              {mismatch ?? 'The notes will record that this address differs from PeeringDB on purpose.'}
            </span>
          </label>
        )}
      </div>
    </div>
  );
}

/** MD5 key, max prefixes, type, description and notes. */
export function SessionOptionFields({ fields, errors, md5Hint, maxPrefixesHint }: {
  fields: Record<'md5' | 'maxPrefixes' | 'type' | 'description' | 'notes', Registered>;
  errors: Errors<'md5' | 'maxPrefixes' | 'type' | 'description' | 'notes'>;
  md5Hint: ReactNode;
  maxPrefixesHint?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="MD5 password" htmlFor="md5" error={errors.md5} hint={<>{md5Hint} {MD5_KEY_RULE}.</>}>
          <TextInput id="md5" type="password" autoComplete="new-password" aria-invalid={!!errors.md5} {...fields.md5} />
        </Field>
        <Field label="Max prefixes" htmlFor="max-prefixes" error={errors.maxPrefixes} hint={maxPrefixesHint}>
          <TextInput id="max-prefixes" type="number" min={0} step={1} aria-invalid={!!errors.maxPrefixes} {...fields.maxPrefixes} />
        </Field>
        <Field label="Type" htmlFor="session-type" error={errors.type}>
          <Select id="session-type" {...fields.type}>
            {sessionTypes.map((t) => (
              <option key={t} value={t}>
                {sessionTypeLabels[t]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Description" htmlFor="description" error={errors.description} hint="Goes into the router configuration: one line.">
        <TextInput id="description" {...fields.description} />
      </Field>
      <Field label="Notes" htmlFor="notes" error={errors.notes} hint="For your team; never sent to the router.">
        <textarea id="notes" rows={3} className={textarea} {...fields.notes} />
      </Field>
    </div>
  );
}

/** An empty box means "not given"; anything else a number (the schema says whether it is a good one). */
export const numberOrEmpty = (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value));
export const asnText = (value: unknown) => (typeof value === 'string' ? value.trim().replace(/^AS/i, '') : value);
