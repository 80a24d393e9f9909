'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { configureSession, setSessionAdminState } from '@/lib/config/configure';
import { refreshBgpState } from '@/lib/config/poll';

function revalidate(id?: number) {
  revalidatePath('/peering/sessions');
  if (id) revalidatePath(`/peering/sessions/${id}`);
  revalidatePath('/scheduler');
}

/** 1 click config (no config) or the Config Manager's push (config: the edited text), now or scheduled. */
export async function configureSessionAction(input: { sessionId: number; mode: 'now' | 'schedule'; at?: string; config?: string }) {
  const result = await configureSession(await currentActor(), input);
  if (result.ok) revalidate(input.sessionId);
  return result;
}

export async function setAdminStateAction(sessionId: number, adminDown: boolean) {
  const result = await setSessionAdminState(await currentActor(), { sessionId, adminDown });
  if (result.ok) revalidate(sessionId);
  return result;
}

export async function refreshBgpStateAction() {
  const result = await refreshBgpState(await currentActor(), {});
  if (result.ok) revalidate();
  return result;
}
