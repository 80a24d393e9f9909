'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { runFollowUps, sendFollowUpNow } from '@/lib/peering/follow-ups';

export async function sendFollowUpAction(input: { peerAsn: number; ixId: number; localAsn: number }) {
  const result = await sendFollowUpNow(await currentActor(), input);
  if (result.ok) revalidatePath('/peering/requests');
  return result;
}

export async function runFollowUpsAction() {
  const result = await runFollowUps(await currentActor(), {});
  if (result.ok) revalidatePath('/peering/requests');
  return result;
}
