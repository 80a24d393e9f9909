'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { findPeers } from '@/lib/sessions/peer-lookup';
import { createSession, deleteSession, updateSession } from '@/lib/sessions/service';

function revalidateSessions(id?: number) {
  revalidatePath('/peering/sessions');
  if (id) revalidatePath(`/peering/sessions/${id}`);
  revalidatePath('/peering/peers');
  revalidatePath('/peering/ixs', 'layout');
}

export async function createSessionAction(input: unknown) {
  const result = await createSession(await currentActor(), input);
  if (result.ok) revalidateSessions();
  return result;
}

export async function updateSessionAction(input: unknown) {
  const result = await updateSession(await currentActor(), input);
  if (result.ok) revalidateSessions(result.data.id);
  return result;
}

export async function deleteSessionAction(id: number) {
  const result = await deleteSession(await currentActor(), { id });
  if (result.ok) revalidateSessions(id);
  return result;
}

/** The wizard's PeeringDB lookup. */
export async function findPeersAction(input: unknown) {
  return findPeers(await currentActor(), input);
}
