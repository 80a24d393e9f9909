'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { cancelJob, rescheduleJob, runJobNow } from '@/lib/jobs/service';

function revalidateJob(id: number) {
  revalidatePath('/scheduler');
  revalidatePath(`/scheduler/${id}`);
}

export async function rescheduleJobAction(input: unknown) {
  const result = await rescheduleJob(await currentActor(), input);
  if (result.ok) revalidateJob(result.data.id);
  return result;
}

/** The job becomes due now and this instance's scheduler is woken for it (another instance may get there first: it still runs once). */
export async function runJobNowAction(id: number) {
  const result = await runJobNow(await currentActor(), { id });
  if (result.ok) revalidateJob(id);
  return result;
}

export async function cancelJobAction(id: number) {
  const result = await cancelJob(await currentActor(), { id });
  if (result.ok) revalidateJob(id);
  return result;
}
