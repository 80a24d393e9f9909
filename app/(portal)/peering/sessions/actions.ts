'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db/client';
import { peerCandidates, type PeerCandidate } from '@/db/queries/sessions';
import { currentActor } from '@/lib/auth';
import { validationFailure } from '@/lib/auth/mutation';
import { can } from '@/lib/auth/permissions';
import type { Result } from '@/lib/errors';
import { peerLookupInput } from '@/lib/sessions/schemas';
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

/** The wizard's PeeringDB lookup: a read, so it needs only peering.read. */
export async function findPeersAction(input: unknown): Promise<Result<PeerCandidate[]>> {
  const actor = await currentActor();
  if (!actor) return { ok: false, error: { code: 'unauthenticated', message: 'Sign in first' } };
  if (!can(actor.role, 'peering.read')) return { ok: false, error: { code: 'forbidden', message: `Your role (${actor.role}) may not do this (peering.read)` } };
  const parsed = peerLookupInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: validationFailure(parsed.error) };
  return { ok: true, data: await peerCandidates(db(), parsed.data.ixId, parsed.data.q) };
}
