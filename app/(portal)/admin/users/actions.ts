'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { createUser, updateUser } from '@/lib/users/service';

export async function createUserAction(input: unknown) {
  const result = await createUser(await currentActor(), input);
  if (result.ok) revalidatePath('/admin/users');
  return result;
}

export async function updateUserAction(input: unknown) {
  const result = await updateUser(await currentActor(), input);
  if (result.ok) revalidatePath('/admin/users');
  return result;
}
