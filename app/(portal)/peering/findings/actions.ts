'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { fixFindings } from '@/lib/findings/fix';

export async function fixFindingsAction(input: { ids: number[] }) {
  const result = await fixFindings(await currentActor(), input);
  if (result.ok) {
    revalidatePath('/peering/findings');
    revalidatePath('/dashboard');
  }
  return result;
}
