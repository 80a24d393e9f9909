'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { validationFailure } from '@/lib/auth/mutation';
import { can } from '@/lib/auth/permissions';
import { testTypedPeeringDb } from '@/lib/peeringdb/test-connection';
import { peeringSettingsInput } from '@/lib/settings/schemas';
import { updatePeeringSettings } from '@/lib/settings/service';

export async function updatePeeringSettingsAction(input: unknown) {
  const result = await updatePeeringSettings(await currentActor(), input);
  if (result.ok) {
    revalidatePath('/peering/settings');
    revalidatePath('/peering/ixs');
  }
  return result;
}

const testInput = peeringSettingsInput.shape.peeringdb.unwrap().pick({ url: true, apiKey: true });

/** Tests the URL and key typed in the form; without a typed key, the stored one if it belongs to that URL. */
export async function testPeeringDbAction(input: unknown): Promise<{ ok: boolean; message: string }> {
  const actor = await currentActor();
  if (!actor || !can(actor.role, 'settings.manage')) return { ok: false, message: 'Only an Admin may test the PeeringDB connection (settings.manage)' };
  const parsed = testInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: validationFailure(parsed.error).message };
  return testTypedPeeringDb(parsed.data);
}
