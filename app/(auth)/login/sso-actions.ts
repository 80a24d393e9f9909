'use server';

import { signIn } from '@/lib/auth';
import { OIDC_PROVIDER_ID } from '@/lib/auth/oidc';

function safeCallback(url: FormDataEntryValue | null) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '/dashboard';
}

/** Off to the OpenID Provider; it sends the browser back to /api/auth/callback/oidc. */
export async function ssoSignInAction(form: FormData) {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallback(form.get('callbackUrl')) });
}
