import { apiRoute, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { db } from '@/db/client';
import { getTemplate } from '@/db/queries/templates';
import { findBuiltin } from '@/lib/templates/defaults';
import { notFound } from '@/lib/errors';
import { previewTemplate } from '@/lib/templates/service';

/**
 * Renders template {id} (a number, or a built-in key such as config-frr) against `{sessionId}` (config) or
 * `{peerAsn}` (e-mail); `body`/`subject` in the request preview unsaved text instead. Answers `{subject, text}`;
 * a template error is a 400 validation error on its field with where it is (`at: {line, column}`).
 */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  requirePermission(actor, 'peering.read');
  const input = ((await readJson(req)) ?? {}) as Record<string, unknown>;
  const builtin = findBuiltin(params.id);
  const id = Number(params.id);
  const stored = builtin ? undefined : Number.isSafeInteger(id) && id > 0 ? await getTemplate(db(), id) : undefined;
  const template = builtin ?? stored;
  if (!template) throw notFound('Template');
  return resultResponse(await previewTemplate(actor, { body: template.body, subject: template.subject, ...input, kind: template.kind }));
});
