'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { revokeToken } from '@/lib/tokens/service';

export async function revokeAnyTokenAction(id: number) {
  const result = await revokeToken(await currentActor(), { id });
  if (result.ok) revalidatePath('/admin/tokens');
  return result;
}
