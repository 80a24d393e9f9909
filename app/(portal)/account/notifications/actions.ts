'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { createWebhook, deleteWebhook, setNotificationPreferences } from '@/lib/notifications/webhooks';

export async function setPreferencesAction(input: unknown) {
  const result = await setNotificationPreferences(await currentActor(), input);
  if (result.ok) revalidatePath('/account/notifications');
  return result;
}

export async function createWebhookAction(input: unknown) {
  const result = await createWebhook(await currentActor(), input);
  if (result.ok) revalidatePath('/account/notifications');
  return result;
}

export async function deleteWebhookAction(input: { id: number }) {
  const result = await deleteWebhook(await currentActor(), input);
  if (result.ok) revalidatePath('/account/notifications');
  return result;
}
