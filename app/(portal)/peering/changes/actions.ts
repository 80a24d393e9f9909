'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { approveChange, rejectChange } from '@/lib/changes/decide';

function revalidate(id: number) {
  revalidatePath('/peering/changes');
  revalidatePath(`/peering/changes/${id}`);
  revalidatePath('/scheduler');
}

export async function approveChangeAction(id: number, comment: string) {
  const result = await approveChange(await currentActor(), { id, comment: comment || undefined });
  if (result.ok) revalidate(id);
  return result;
}

export async function rejectChangeAction(id: number, comment: string) {
  const result = await rejectChange(await currentActor(), { id, comment: comment || undefined });
  if (result.ok) revalidate(id);
  return result;
}
