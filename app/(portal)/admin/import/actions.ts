'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { runSessionImport } from '@/lib/import/apply';
import type { ImportRequest } from '@/lib/import/schemas';

export async function previewImportAction(input: ImportRequest) {
  return runSessionImport(await currentActor(), { ...input, dryRun: true });
}

export async function importSessionsAction(input: ImportRequest) {
  const result = await runSessionImport(await currentActor(), { ...input, dryRun: false });
  if (result.ok) {
    revalidatePath('/peering/sessions');
    revalidatePath('/peering/routers');
  }
  return result;
}
