'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { ExchangeChoice, PeerGroupChoice, RouterChoice } from '@/db/queries/session-choices';
import type { PeerCandidate } from '@/db/queries/sessions';
import { applyResult } from '@/components/forms/apply-result';
import { Button } from '@/components/ui/button';
import { Field, FormError, Select, TextInput } from '@/components/ui/field';
import { createSessionInput } from '@/lib/sessions/schemas';
import { createSessionAction } from '../actions';
import { PeerFields, SessionOptionFields, asnText, numberOrEmpty } from '../session-fields';
import { PeerLookup } from './peer-lookup';
import { Step } from './wizard-step';

type Values = z.input<typeof createSessionInput>;

/** Add Session on one page: each step opens once the one before it is answered. */
export function SessionWizard({ exchanges, routers, peerGroups, initialIxId }: {
  exchanges: ExchangeChoice[];
  routers: RouterChoice[];
  peerGroups: PeerGroupChoice[];
  initialIxId?: number;
}) {
  const navigate = useRouter();
  const form = useForm<Values, unknown, z.output<typeof createSessionInput>>({
    resolver: zodResolver(createSessionInput),
    defaultValues: { ixId: initialIxId, peerGroupId: null, peerAsn: '', peerName: '', peerIp: '', type: 'peer', md5: '', description: '', notes: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const [family, setFamily] = useState<4 | 6>(4);
  const [peer, setPeer] = useState<PeerCandidate | null>(null);

  const ixId = form.watch('ixId') as number | null | undefined;
  const routerId = numberOrEmpty(form.watch('routerId'));
  const exchange = exchanges.find((x) => x.id === ixId);
  const router = routers.find((r) => r.id === routerId);
  // A private session may use any of the router's groups; those facing no exchange come first.
  const groups = peerGroups
    .filter((g) => g.routerId === routerId && g.family === family && (ixId === null || g.ixId === ixId))
    .sort((a, b) => Number(a.ixId !== null) - Number(b.ixId !== null));
  const firstGroup = groups[0]?.id ?? null;

  useEffect(() => form.setValue('peerGroupId', firstGroup), [form, firstGroup]);

  useEffect(() => {
    if (!peer) return;
    form.setValue('peerIp', (family === 4 ? peer.ipaddr4 : peer.ipaddr6) ?? '');
    form.setValue('maxPrefixes', (family === 4 ? peer.infoPrefixes4 : peer.infoPrefixes6) ?? undefined);
    form.setValue('acknowledgeAddressMismatch', false);
  }, [form, peer, family]);

  const chooseExchange = (value: string) => {
    const next = value === 'none' ? null : numberOrEmpty(value);
    form.setValue('ixId', next);
    form.setValue('type', next === null ? 'private' : 'peer');
    setPeer(null);
  };
  const pick = (candidate: PeerCandidate) => {
    setPeer(candidate);
    form.setValue('peerAsn', String(candidate.asn));
    form.setValue('peerName', candidate.name ?? '');
    form.clearErrors(['peerAsn', 'peerIp', 'acknowledgeAddressMismatch']);
  };
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createSessionAction(values);
    if (applyResult(form, result)) navigate.push(`/peering/sessions/${result.data.id}?added=1`);
  });

  const peerAddress = peer && (family === 4 ? peer.ipaddr4 : peer.ipaddr6);
  const ipHint = peer && ixId !== null && !peerAddress
    ? `PeeringDB lists no IPv${family} address for AS${peer.asn} at ${exchange?.name}`
    : exchange?.prefixes.length
      ? `On ${exchange.name}'s peering LANs: ${exchange.prefixes.join(', ')}`
      : undefined;

  return (
    <form onSubmit={onSubmit} className="flex max-w-4xl flex-col gap-4" noValidate>
      <FormError message={errors.root?.message} />
      <Step n={1} title="Exchange">
        <Field label="Exchange" htmlFor="exchange" error={errors.ixId?.message} hint="Exchanges where one of your ASNs is present, or none for a private session.">
          <Select id="exchange" defaultValue={initialIxId ?? ''} onChange={(e) => chooseExchange(e.target.value)} aria-invalid={!!errors.ixId}>
            <option value="">Choose an exchange…</option>
            {exchanges.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
            <option value="none">No Exchange (private session)</option>
          </Select>
        </Field>
      </Step>

      {ixId !== undefined && (
        <Step n={2} title="Router">
          <Field label="Router" htmlFor="router" error={errors.routerId?.message} hint={router && `Local ASN AS${router.localAsn} unless you set another below.`}>
            <Select id="router" aria-invalid={!!errors.routerId} {...form.register('routerId', { setValueAs: numberOrEmpty })}>
              <option value="">Choose a router…</option>
              {routers.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
          </Field>
          {routers.length === 0 && (
            <p className="text-sm text-slate-600">
              No routers yet: <Link href="/peering/routers" className="text-sky-700 underline">add one on the Routers page</Link>.
            </p>
          )}
        </Step>
      )}

      {router && (
        <>
          <Step n={3} title="Peer group">
            <div className="flex flex-wrap items-end gap-4">
              <div className="flex flex-col gap-1" role="radiogroup" aria-label="Address family">
                <span className="text-sm font-medium text-slate-700">Address family</span>
                <div className="flex gap-3 text-sm">
                  {([4, 6] as const).map((f) => (
                    <label key={f} className="flex items-center gap-1">
                      <input type="radio" name="family" checked={family === f} onChange={() => setFamily(f)} /> IPv{f}
                    </label>
                  ))}
                </div>
              </div>
              <Field label="Peer group" htmlFor="peer-group" error={errors.peerGroupId?.message}>
                <Select id="peer-group" aria-invalid={!!errors.peerGroupId} {...form.register('peerGroupId', { setValueAs: (v) => numberOrEmpty(v) ?? null })}>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name} (IPv{g.family})
                    </option>
                  ))}
                  <option value="">No peer group</option>
                </Select>
              </Field>
            </div>
            <p className="text-xs text-slate-500">
              {groups.length ? 'Peer groups' : 'No peer group'} of {router.name} for IPv{family}
              {exchange ? ` at ${exchange.name}` : ''}.{' '}
              <Link href={`/peering/routers/${router.id}`} className="text-sky-700 underline">
                Add a peer group on {router.name}&apos;s page
              </Link>
            </p>
          </Step>

          <Step n={4} title="Peer">
            <PeerLookup ixId={ixId ?? null} exchangeName={exchange?.name ?? ''} chosen={peer} onPick={pick} />
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
              ipHint={ipHint}
            />
          </Step>

          <Step n={5} title="Session">
            <SessionOptionFields
              fields={{
                md5: form.register('md5'),
                maxPrefixes: form.register('maxPrefixes', { setValueAs: numberOrEmpty }),
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
              md5Hint="Optional; stored encrypted and never shown again."
              maxPrefixesHint={`Empty: PeeringDB's IPv${family} prefix count for the peer.`}
            />
            <Field label="Local ASN" htmlFor="local-asn" error={errors.localAsn?.message} hint={`Empty: the router's, AS${router.localAsn}.`}>
              <TextInput id="local-asn" inputMode="numeric" placeholder={String(router.localAsn)} {...form.register('localAsn', { setValueAs: (v) => numberOrEmpty(asnText(v)) })} />
            </Field>
            <div>
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? 'Creating…' : 'Create session'}
              </Button>
            </div>
          </Step>
        </>
      )}
    </form>
  );
}
