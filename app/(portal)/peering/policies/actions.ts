'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { createPolicy, deletePolicy, updatePolicy } from '@/lib/filters/policies';

const refresh = () => revalidatePath('/peering/policies', 'layout');

export async function createPolicyAction(input: unknown) {
  const result = await createPolicy(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function updatePolicyAction(input: unknown) {
  const result = await updatePolicy(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function deletePolicyAction(input: unknown) {
  const result = await deletePolicy(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}
