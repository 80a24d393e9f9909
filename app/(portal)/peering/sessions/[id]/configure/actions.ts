'use server';

import { currentActor } from '@/lib/auth';
import { loadRunningDiff } from '@/lib/config/preview';

/** Connects to the router: only on the button, never on page load. */
export async function loadRunningDiffAction(raw: unknown) {
  return loadRunningDiff(await currentActor(), raw);
}
