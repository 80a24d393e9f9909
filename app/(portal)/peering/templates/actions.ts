'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { createTemplate, deleteTemplate, previewTemplate, revertTemplate, setDefaultTemplate, updateTemplate } from '@/lib/templates/service';

const refresh = () => revalidatePath('/peering/templates', 'layout');

export async function createTemplateAction(input: unknown) {
  const result = await createTemplate(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function updateTemplateAction(input: unknown) {
  const result = await updateTemplate(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function revertTemplateAction(input: unknown) {
  const result = await revertTemplate(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function deleteTemplateAction(input: unknown) {
  const result = await deleteTemplate(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function setDefaultTemplateAction(input: unknown) {
  const result = await setDefaultTemplate(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function previewTemplateAction(input: unknown) {
  return previewTemplate(await currentActor(), input);
}
