import type { Metadata } from 'next';
import { ssoSettings } from '@/lib/auth/sso-settings';
import { LoginForm } from './login-form';
import { SsoRefusal, SsoSignIn } from './sso-sign-in';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{
  callbackUrl?: string;
  refused?: string;
  error?: string;
  passwordChanged?: string;
}> }) {
  const { callbackUrl, refused, error, passwordChanged } = await searchParams;
  const sso = await ssoSettings();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold text-sky-800">Peerdesk</h1>
        <p className="mb-6 text-sm text-slate-600">Sign in to the peering portal.</p>
        {passwordChanged && <p className="mb-4 rounded bg-emerald-50 p-2 text-sm text-emerald-800" role="status">Password changed: every session was signed out. Sign in with the new password.</p>}
        <SsoRefusal refused={refused} error={error} />
        {sso.configured && <SsoSignIn providerName={sso.providerName} callbackUrl={callbackUrl} passwordForBreakGlassOnly={sso.passwordSignIn === 'break_glass_only'} />}
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
