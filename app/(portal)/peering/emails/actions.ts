'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { testMailAccount } from '@/lib/mail/accounts';
import { requestMailSync } from '@/lib/mail/job';
import { associateEmail, markIncomingRequest } from '@/lib/mail/service';
import { updateMailSettings } from '@/lib/mail/settings';

export async function syncNowAction() {
  const result = await requestMailSync(await currentActor(), {});
  if (result.ok) revalidatePath('/peering/emails');
  return result;
}

export async function associateEmailAction(input: { id: number; peerAsn: string | null }) {
  const peerAsn = input.peerAsn === null ? null : input.peerAsn.trim().replace(/^AS/i, '');
  const result = await associateEmail(await currentActor(), { id: input.id, peerAsn });
  if (result.ok) revalidatePath(`/peering/emails/${input.id}`);
  return result;
}

export async function markIncomingRequestAction(input: { id: number; ixId: number }) {
  const result = await markIncomingRequest(await currentActor(), input);
  if (result.ok) revalidatePath(`/peering/emails/${input.id}`);
  return result;
}

export async function updateMailSettingsAction(input: unknown) {
  const result = await updateMailSettings(await currentActor(), input);
  if (result.ok) revalidatePath('/peering/emails/settings');
  return result;
}

/** Test the saved account: SMTP log-in, or IMAP log-in and both folders. Reports exactly what failed. */
export async function testMailAction(input: unknown) {
  return testMailAccount(await currentActor(), input);
}
