'use client';

import { useState, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { Platform } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, Select, TextInput } from '@/components/ui/field';
import { applyResult } from '@/components/forms/apply-result';
import { createRouterInput, platformLabels, platforms } from '@/lib/routers/schemas';
import { createRouterAction, updateRouterAction } from './actions';
import { MaintenanceWindowsFields, MaintenanceWindowsList } from './maintenance-windows-fields';

type Values = z.input<typeof createRouterInput>;
export type RouterValues = Values;
type Output = z.output<typeof createRouterInput>;

/** What the form shows of a stored router: never its credentials, only whether each is set. */
export type EditedRouter = Omit<Values, 'password' | 'privateKey'> & { id: number; hasPassword: boolean; hasPrivateKey: boolean };

const controlHints: Partial<Record<Platform, string>> = { frr: 'vtysh', bird: 'birdc' };
const textarea = 'rounded border border-slate-300 px-2 py-1.5 font-mono text-xs focus:border-sky-600 focus:outline-none aria-[invalid=true]:border-rose-600';

const valuesOf = (router: EditedRouter | undefined, localAsns: number[]): Values => ({
  name: router?.name ?? '',
  hostname: router?.hostname ?? '',
  managementAddress: router?.managementAddress ?? '',
  sshPort: router?.sshPort ?? 22,
  platform: router?.platform ?? 'frr',
  transport: router?.transport ?? 'ssh',
  username: router?.username ?? '',
  password: '',
  privateKey: '',
  localAsn: router?.localAsn ?? localAsns[0] ?? '',
  vrf: router?.vrf ?? '',
  controlCommand: router?.controlCommand ?? '',
  peersDir: router?.peersDir ?? '',
  production: router?.production ?? false,
  maintenanceWindows: router?.maintenanceWindows ?? [],
});

export function RouterForm({
  router,
  localAsns,
  vrfSupport,
  mayTrust = false,
  mayApprove = false,
}: {
  router?: EditedRouter;
  localAsns: number[];
  vrfSupport: boolean;
  mayTrust?: boolean;
  /** changes.approve: the service lets only approvers move the production flag and the maintenance windows. */
  mayApprove?: boolean;
}) {
  const navigation = useRouter();
  const form = useForm<Values, unknown, Output>({ resolver: zodResolver(createRouterInput), defaultValues: valuesOf(router, localAsns) });
  const { errors, isSubmitting } = form.formState;
  const [saved, setSaved] = useState(false);
  const [platform, transport, hostname, managementAddress, sshPort] = form.watch(['platform', 'transport', 'hostname', 'managementAddress', 'sshPort']);
  // Mirrors the service: below routers.trust, stored credentials never follow a router to another host.
  const newHost =
    !!router && !mayTrust && (router.hasPassword || router.hasPrivateKey) &&
    (hostname !== router.hostname || (managementAddress || null) !== (router.managementAddress || null) ||
      Number(sshPort) !== Number(router.sshPort));
  const asnChoices = router && !localAsns.includes(Number(router.localAsn)) ? [Number(router.localAsn), ...localAsns] : localAsns;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const { production, maintenanceWindows, ...rest } = values;
    const sent = mayApprove ? { ...rest, production, maintenanceWindows } : rest;
    const result = router ? await updateRouterAction({ ...sent, id: router.id }) : await createRouterAction(sent);
    if (!applyResult(form, result)) return;
    if (!router) return navigation.push(`/peering/routers/${result.data.id}`);
    form.reset(valuesOf(result.data, localAsns));
    setSaved(true);
  });

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormError message={errors.root?.message} />
      {saved && <FormSaved message="Router saved." />}
      <Section title="Router">
        <Field label="Name" htmlFor="router-name" error={errors.name?.message} hint="As your team calls it, e.g. ams-rtr1.">
          <TextInput id="router-name" aria-invalid={!!errors.name} {...form.register('name')} />
        </Field>
        <Field label="Hostname" htmlFor="router-hostname" error={errors.hostname?.message} hint="Its DNS name or address.">
          <TextInput id="router-hostname" placeholder="ams-rtr1.example.net" aria-invalid={!!errors.hostname} {...form.register('hostname')} />
        </Field>
        <Field label="Platform" htmlFor="router-platform" error={errors.platform?.message}>
          <Select id="router-platform" {...form.register('platform')}>
            {platforms.map((p) => (
              <option key={p} value={p}>
                {platformLabels[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Local ASN" htmlFor="router-asn" error={errors.localAsn?.message} hint={asnChoices.length ? undefined : 'Set your ASNs in Peering settings first.'}>
          <Select id="router-asn" aria-invalid={!!errors.localAsn} {...form.register('localAsn')}>
            {asnChoices.length === 0 && <option value="">No local ASN set</option>}
            {asnChoices.map((asn) => (
              <option key={asn} value={asn}>
                AS{asn}
              </option>
            ))}
          </Select>
        </Field>
        {(vrfSupport || router?.vrf) && (
          <Field label="VRF" htmlFor="router-vrf" error={errors.vrf?.message} hint="Leave empty for the global routing table.">
            <TextInput id="router-vrf" aria-invalid={!!errors.vrf} {...form.register('vrf')} />
          </Field>
        )}
      </Section>

      <Section title="Access">
        <Field
          label="Transport"
          htmlFor="router-transport"
          error={errors.transport?.message}
          hint={
            transport === 'local'
              ? 'Commands run on the Peerdesk server itself, for a daemon beside it; only Admins may set this up.'
              : transport === 'none'
                ? 'Peerdesk renders and records every push for this router but never connects to it.'
                : undefined
          }
        >
          <Select id="router-transport" aria-invalid={!!errors.transport} {...form.register('transport')}>
            <option value="ssh">SSH</option>
            <option value="local">Local (on the Peerdesk server)</option>
            <option value="none">Render only (never connect)</option>
          </Select>
        </Field>
        {transport === 'ssh' && (
          <>
            <Field label="Management address" htmlFor="router-address" error={errors.managementAddress?.message} hint="Where to connect; empty: the hostname.">
              <TextInput id="router-address" placeholder="192.0.2.1" aria-invalid={!!errors.managementAddress} {...form.register('managementAddress')} />
            </Field>
            <Field label="SSH port" htmlFor="router-port" error={errors.sshPort?.message}>
              <TextInput id="router-port" inputMode="numeric" aria-invalid={!!errors.sshPort} {...form.register('sshPort')} />
            </Field>
            <Field label="SSH user" htmlFor="router-user" error={errors.username?.message}>
              <TextInput id="router-user" autoComplete="off" aria-invalid={!!errors.username} {...form.register('username')} />
            </Field>
            {newHost && (
              <p className="text-xs text-amber-800 sm:col-span-2" data-testid="credentials-reenter">
                A new hostname, address or port removes the stored password, private key and pinned host key when you save: enter the
                credentials again.
              </p>
            )}
            <Field label="Password" htmlFor="router-password" error={errors.password?.message} hint={<CredentialHint router={router} which="password" />}>
              <TextInput id="router-password" type="password" autoComplete="new-password" placeholder={router?.hasPassword ? '(unchanged)' : ''} {...form.register('password')} />
            </Field>
            <Field label="Private key" htmlFor="router-key" error={errors.privateKey?.message} hint={<CredentialHint router={router} which="privateKey" />}>
              <textarea id="router-key" rows={3} className={textarea} placeholder={router?.hasPrivateKey ? '(unchanged)' : '-----BEGIN OPENSSH PRIVATE KEY-----'} aria-invalid={!!errors.privateKey} {...form.register('privateKey')} />
            </Field>
          </>
        )}
        <Field
          label="Control command"
          htmlFor="router-control"
          error={errors.controlCommand?.message}
          hint={`How to reach the routing daemon's CLI on that host, e.g. "sudo vtysh" or "birdc -s /run/bird/bird.ctl"; Admins only. Empty: ${controlHints[platform] ?? 'commands go straight to the router CLI'}.`}
        >
          <TextInput id="router-control" placeholder={controlHints[platform] ?? ''} aria-invalid={!!errors.controlCommand} {...form.register('controlCommand')} />
        </Field>
        {platform === 'bird' && (
          <Field label="Peers directory" htmlFor="router-peers-dir" error={errors.peersDir?.message} hint="The directory of per-peer files that bird.conf includes (an absolute path); Admins only.">
            <TextInput id="router-peers-dir" placeholder="/etc/bird/peers.d" aria-invalid={!!errors.peersDir} {...form.register('peersDir')} />
          </Field>
        )}
      </Section>

      <Section title="Change control">
        {mayApprove ? (
          <div className="flex items-start gap-2">
            <input id="router-production" type="checkbox" className="mt-1" {...form.register('production')} />
            <label htmlFor="router-production" className="text-sm">
              <span className="font-medium text-slate-700">Production router</span>
              <span className="block text-xs text-slate-500">Every change to it waits for an approver other than its author, whatever the Peering settings say.</span>
            </label>
          </div>
        ) : (
          <p className="text-sm text-slate-600 sm:col-span-2">{router?.production ? 'Production router: every change to it needs approval.' : 'Not a production router.'}</p>
        )}
        {mayApprove ? (
          <MaintenanceWindowsFields form={form} />
        ) : (
          <MaintenanceWindowsList windows={router?.maintenanceWindows ?? []} />
        )}
      </Section>

      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : router ? 'Save router' : 'Add router'}
        </Button>
      </div>
    </form>
  );
}

/** Credentials are write-only: say whether one is stored, and offer to remove it. */
function CredentialHint({ router, which }: { router?: EditedRouter; which: 'password' | 'privateKey' }) {
  const [pending, start] = useTransition();
  const [removed, setRemoved] = useState(false);
  const navigation = useRouter();
  const stored = which === 'password' ? router?.hasPassword : router?.hasPrivateKey;
  const label = which === 'password' ? 'password' : 'private key';
  if (!router || !stored || removed) return <>Stored encrypted; never shown again.</>;
  const remove = () =>
    start(async () => {
      if (!confirm(`Remove the stored ${label} of ${router.name}?`)) return;
      const result = await updateRouterAction({ id: router.id, [which]: null });
      if (result.ok) {
        setRemoved(true);
        navigation.refresh();
      }
    });
  return (
    <span className="flex items-center gap-2">
      A {label} is set; leave empty to keep it.
      <Button variant="link" className="text-xs text-rose-700" disabled={pending} onClick={remove}>
        Remove {label}
      </Button>
    </span>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</legend>
      {children}
    </fieldset>
  );
}
