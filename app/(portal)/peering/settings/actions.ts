'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { testPeeringDb } from '@/lib/peeringdb/test-connection';
import { updatePeeringSettings } from '@/lib/settings/service';

export async function updatePeeringSettingsAction(input: unknown) {
  const result = await updatePeeringSettings(await currentActor(), input);
  if (result.ok) {
    revalidatePath('/peering/settings');
    revalidatePath('/peering/ixs');
  }
  return result;
}

/** Tests the URL and key typed in the form; without a typed key, the stored one if it belongs to that URL. */
export async function testPeeringDbAction(input: unknown) {
  return testPeeringDb(await currentActor(), input);
}
