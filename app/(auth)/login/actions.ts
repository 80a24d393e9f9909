'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth';

const messages: Record<string, string> = {
  invalid: 'Wrong email or password.',
  disabled: 'This account is disabled. Ask a Global Admin to enable it.',
  sso_only: 'Password sign-in is turned off here: use the single sign-on button above.',
  rate_limited: 'Too many failed sign-ins from here. Wait a few minutes and try again.',
};

function safeCallback(url: FormDataEntryValue | null) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '/dashboard';
}

export async function signInAction(_previous: { error?: string } | undefined, form: FormData) {
  try {
    await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirectTo: safeCallback(form.get('callbackUrl')) });
    return {};
  } catch (err) {
    if (err instanceof CredentialsSignin) return { error: messages[err.code] ?? messages.invalid };
    if (err instanceof AuthError) return { error: 'Sign-in failed. Try again.' };
    throw err;
  }
}
