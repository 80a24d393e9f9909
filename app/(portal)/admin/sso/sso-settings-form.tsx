'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSaved, Select, TextInput } from '@/components/ui/field';
import type { Role } from '@/db/schema';
import { roleLabels, roles } from '@/lib/auth/permissions';
import type { SsoSettings } from '@/lib/auth/sso-settings';
import { updateSsoSettingsAction } from './actions';

export function SsoSettingsForm({ settings, roleMapFromEnv }: { settings: SsoSettings; roleMapFromEnv: boolean }) {
  const [state, action, pending] = useActionState(updateSsoSettingsAction, undefined);
  const mapping = settings.roleMap.map((m) => `${m.group}=${m.role}`).join('\n');
  return (
    <form action={action} className="flex max-w-2xl flex-col gap-4">
      <FormError message={state?.error} />
      {state?.ok && <FormSaved message="Single sign-on settings saved." />}
      <Field label="Provider name" htmlFor="providerName" hint='On the sign-in button: "Sign in with …".' error={state?.fields?.providerName}>
        <TextInput id="providerName" name="providerName" defaultValue={settings.providerName} />
      </Field>
      <Field
        label="Group to role mapping"
        htmlFor="roleMap"
        error={state?.fields?.roleMap}
        hint={
          roleMapFromEnv
            ? 'Set by OIDC_ROLE_MAP in the environment, which overrides this page.'
            : `One group=role a line; roles: ${roles.join(', ')}. A person in several groups gets the most powerful role.`
        }
      >
        <textarea
          id="roleMap"
          name={roleMapFromEnv ? undefined : 'roleMap'}
          disabled={roleMapFromEnv}
          rows={5}
          defaultValue={mapping}
          placeholder={'netops-admins=admin\nnoc=viewer'}
          className="w-full rounded border border-slate-300 px-2 py-1.5 font-mono text-sm"
        />
      </Field>
      <Field label="Role of a person in no mapped group" htmlFor="defaultRole" error={state?.fields?.defaultRole}>
        <Select id="defaultRole" name="defaultRole" defaultValue={settings.defaultRole ?? ''}>
          <option value="">None: refuse them</option>
          {roles.map((r: Role) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Password sign-in" htmlFor="passwordSignIn" error={state?.fields?.passwordSignIn}>
        <Select id="passwordSignIn" name="passwordSignIn" defaultValue={settings.passwordSignIn}>
          <option value="everyone">Everyone with a password</option>
          <option value="break_glass_only">Only the break-glass Global Admin</option>
        </Select>
      </Field>
      <Field
        label="Break-glass Global Admin"
        htmlFor="breakGlassEmail"
        error={state?.fields?.breakGlassEmail}
        hint="The one local account that can still sign in with a password when the identity provider is down. Keep its password in a safe."
      >
        <TextInput id="breakGlassEmail" name="breakGlassEmail" type="email" defaultValue={settings.breakGlassEmail ?? ''} />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
      </div>
    </form>
  );
}
