'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { configureMultipleSessions } from '@/lib/peering/configure-multiple';
import { addPeerNote, changePeerStatus, changePeerStatuses } from '@/lib/peering/service';

function revalidatePeers() {
  revalidatePath('/peering/peers', 'layout');
  revalidatePath('/peering/ixs', 'layout');
}

export async function changePeerStatusAction(input: unknown) {
  const result = await changePeerStatus(await currentActor(), input);
  if (result.ok) revalidatePeers();
  return result;
}

export async function changePeerStatusesAction(input: unknown) {
  const result = await changePeerStatuses(await currentActor(), input);
  if (result.ok) revalidatePeers();
  return result;
}

export async function addPeerNoteAction(input: unknown) {
  const result = await addPeerNote(await currentActor(), input);
  if (result.ok) revalidatePeers();
  return result;
}

export async function configureMultipleSessionsAction(input: unknown) {
  const result = await configureMultipleSessions(await currentActor(), input);
  if (result.ok) {
    revalidatePeers();
    revalidatePath('/peering/sessions');
    revalidatePath('/scheduler');
  }
  return result;
}
