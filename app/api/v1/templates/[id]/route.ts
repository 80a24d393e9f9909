import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { getTemplate } from '@/db/queries/templates';
import { apiRoute, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { findBuiltin } from '@/lib/templates/defaults';
import { notFound } from '@/lib/errors';
import { deleteTemplate, revertTemplate, setDefaultTemplate, updateTemplate } from '@/lib/templates/service';

/** A custom template with its revisions, or a built-in one by its key (config-frr, email-peering-request). */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requirePermission(actor, 'peering.read');
  const builtin = findBuiltin(params.id);
  if (builtin) return NextResponse.json({ ...builtin, builtin: true });
  const id = Number(params.id);
  const template = Number.isSafeInteger(id) && id > 0 ? await getTemplate(db(), id) : undefined;
  if (!template) throw notFound('Template');
  return NextResponse.json(template);
});

/** `{name?, subject?, body?}` saves a new revision; `{revertTo: n}` reverts; `{isDefault: bool}` sets or clears the default. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = (await readJson(req)) as Record<string, unknown> | null;
  const { revertTo, isDefault, ...changes } = body && typeof body === 'object' ? body : {};
  if (revertTo !== undefined) return resultResponse(await revertTemplate(actor, { id: params.id, revision: revertTo }));
  if (isDefault !== undefined && Object.keys(changes).length === 0) {
    return resultResponse(await setDefaultTemplate(actor, { id: params.id, isDefault }));
  }
  const saved = await updateTemplate(actor, { ...changes, id: params.id });
  if (!saved.ok || isDefault === undefined) return resultResponse(saved);
  return resultResponse(await setDefaultTemplate(actor, { id: params.id, isDefault }));
});

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => resultResponse(await deleteTemplate(actor, { id: params.id })));
