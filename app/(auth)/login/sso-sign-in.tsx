import { Button } from '@/components/ui/button';
import { ssoSignInAction } from './sso-actions';

const refusals: Record<string, string> = {
  no_role:
    'Your identity provider account is in none of the groups that give a Peerdesk role, so Peerdesk did not let you in. Ask a Global Admin to map one of your groups to a role (Admin > Single sign-on).',
  disabled: 'Your Peerdesk account is disabled. Ask a Global Admin to enable it.',
  no_email: 'Your identity provider sent no email address; Peerdesk needs one to create your account. Ask your identity provider administrator.',
};

// Auth.js's error codes, for a sign-on that failed before Peerdesk could decide (provider down, clock skew, wrong secret).
const failures: Record<string, string> = {
  AccessDenied: refusals.no_role,
  Configuration: 'Single sign-on is misconfigured on this server. An administrator will find the reason in the server log.',
};

export function SsoRefusal({ refused, error }: { refused?: string; error?: string }) {
  const message = refused ? (refusals[refused] ?? refusals.no_role) : error ? (failures[error] ?? 'Single sign-on failed. Try again.') : null;
  if (!message) return null;
  return (
    <div role="alert" className="mb-4 rounded border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900">
      <p className="font-semibold">Sign-in refused</p>
      <p>{message}</p>
    </div>
  );
}

export function SsoSignIn({ providerName, callbackUrl, passwordForBreakGlassOnly }: {
  providerName: string;
  callbackUrl?: string;
  passwordForBreakGlassOnly: boolean;
}) {
  return (
    <form action={ssoSignInAction} className="mb-4 flex flex-col gap-3">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
      <Button type="submit" className="w-full">
        Sign in with {providerName}
      </Button>
      <p className="text-center text-xs text-slate-500">{passwordForBreakGlassOnly ? 'Password sign-in is for the break-glass account only.' : 'or with your Peerdesk password'}</p>
    </form>
  );
}
