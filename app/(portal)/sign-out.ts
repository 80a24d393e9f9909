'use server';

import { currentActor, signOut } from '@/lib/auth';
import { endSessions } from '@/lib/auth/sign-out';

export async function signOutAction() {
  const actor = await currentActor();
  if (actor?.id) await endSessions(actor.id);
  await signOut({ redirectTo: '/login' });
}
