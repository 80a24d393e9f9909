'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { updatePeeringSettings } from '@/lib/settings/service';

/** Only the follow-up and notice parts of the settings, through the same command as PATCH /settings. */
export async function updateRequestSettingsAction(input: { followUp: unknown; notices: unknown }) {
  const result = await updatePeeringSettings(await currentActor(), { followUp: input.followUp, notices: input.notices });
  if (result.ok) revalidatePath('/peering/emails/settings');
  return result;
}
