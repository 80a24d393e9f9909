'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { requestPeeringDbSync } from '@/lib/peeringdb/service';

export async function syncNowAction() {
  const result = await requestPeeringDbSync(await currentActor(), {});
  if (result.ok) revalidatePath('/peering/ixs');
  return result;
}
