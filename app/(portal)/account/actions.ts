'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { createToken, revokeToken } from '@/lib/tokens/service';
import { changeOwnPassword } from '@/lib/users/service';

export async function changePasswordAction(input: unknown) {
  return changeOwnPassword(await currentActor(), input);
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
