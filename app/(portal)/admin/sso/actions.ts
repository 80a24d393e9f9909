'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { parseRoleMap } from '@/lib/auth/role-map';
import { updateSsoSettings } from '@/lib/auth/sso-settings';

export type SsoFormState = { ok?: boolean; error?: string; fields?: Record<string, string> };

/** The form sends the mapping as lines of `group=role`; the service takes a list. */
export async function updateSsoSettingsAction(_previous: SsoFormState | undefined, form: FormData): Promise<SsoFormState> {
  let roleMap;
  try {
    roleMap = form.has('roleMap') ? parseRoleMap(String(form.get('roleMap')).replace(/\r?\n/g, ',')) : undefined;
  } catch (err) {
    return { error: 'Check the group mapping', fields: { roleMap: (err as Error).message } };
  }
  const result = await updateSsoSettings(await currentActor(), {
    providerName: String(form.get('providerName') ?? ''),
    roleMap,
    defaultRole: form.get('defaultRole') || null,
    passwordSignIn: form.get('passwordSignIn'),
    breakGlassEmail: String(form.get('breakGlassEmail') ?? ''),
  });
  if (!result.ok) return { error: result.error.message, fields: result.error.fields };
  revalidatePath('/admin/sso');
  return { ok: true };
}
