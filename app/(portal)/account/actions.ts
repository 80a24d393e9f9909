'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth';
import { createToken, revokeToken } from '@/lib/tokens/service';
import { changeOwnPassword } from '@/lib/users/service';

/** The change ends every session of the user, this one included: sign in again with the new password. */
export async function changePasswordAction(input: { currentPassword: string; newPassword: string }) {
  const result = await changeOwnPassword(await currentActor(), input);
  if (result.ok) redirect('/login?passwordChanged=1');
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
