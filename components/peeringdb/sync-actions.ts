'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { kickScheduler } from '@/lib/jobs/scheduler';
import { requestPeeringDbSync } from '@/lib/peeringdb/service';

export async function syncNowAction() {
  const result = await requestPeeringDbSync(await currentActor(), {});
  if (!result.ok) return { ok: false, message: result.error.message };
  kickScheduler();
  revalidatePath('/peering/ixs');
  return { ok: true };
}
