import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { ssoSettings } from '@/lib/auth/sso-settings';
import { env } from '@/lib/env';
import { SsoSettingsForm } from './sso-settings-form';

export const metadata: Metadata = { title: 'Single sign-on' };

export default async function SsoPage() {
  await requirePage('users.manage');
  const { roleMapFromEnv, configured, ...settings } = await ssoSettings();
  return (
    <>
      <PageHeader title="Single sign-on" />
      <p className="mb-4 max-w-2xl text-sm text-slate-600">
        {configured ? (
          <>
            Signing in through <strong>{env().OIDC_ISSUER}</strong>. People are created at their first sign-in; their role comes from the{' '}
            <code>{env().OIDC_ROLES_CLAIM}</code> claim at every sign-in.
          </>
        ) : (
          <>
            Single sign-on is off: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (see docs/operations-sso.md). These settings
            apply once it is on.
          </>
        )}
      </p>
      <SsoSettingsForm settings={settings} roleMapFromEnv={roleMapFromEnv} />
    </>
  );
}
