'use server';

import { revalidatePath } from 'next/cache';
import { AuthError } from 'next-auth';
import { currentActor, signIn } from '@/lib/auth';
import { createToken, revokeToken } from '@/lib/tokens/service';
import { changeOwnPassword } from '@/lib/users/service';

/** The change ends every session of the user; this one continues as a fresh sign-in with the new password. */
export async function changePasswordAction(input: { currentPassword: string; newPassword: string }) {
  const result = await changeOwnPassword(await currentActor(), input);
  if (result.ok) {
    // A refused sign-in (throttled) only means signing in again by hand.
    await signIn('credentials', { email: result.data.email, password: input.newPassword, redirect: false }).catch((err) => {
      if (!(err instanceof AuthError)) throw err;
    });
  }
  return result;
}

export async function createTokenAction(input: unknown) {
  const result = await createToken(await currentActor(), input);
  if (result.ok) revalidatePath('/account');
  return result;
}

export async function revokeTokenAction(id: number) {
  const result = await revokeToken(await currentActor(), { id });
  if (result.ok) revalidatePath('/account');
  return result;
}
