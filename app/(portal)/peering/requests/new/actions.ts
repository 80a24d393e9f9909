'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { sendDraftedRequest, sendPeeringRequest } from '@/lib/peering/requests';

export async function sendRequestAction(input: unknown) {
  const result = await sendPeeringRequest(await currentActor(), input);
  if (result.ok) revalidatePath('/peering/peers');
  return result;
}

/** Bulk mode: one peer's drafted request, with the address the user typed when PeeringDB showed none. */
export async function sendDraftedRequestAction(input: { peerAsn: number; ixIds: number[]; to?: string }) {
  const result = await sendDraftedRequest(await currentActor(), { peerAsn: input.peerAsn, ixIds: input.ixIds, to: input.to || undefined });
  if (result.ok) revalidatePath('/peering/peers');
  return result;
}
