import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { templates } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { builtinEmailTemplate } from '@/lib/templates/defaults';
import { renderTemplate, toTemplateError } from '@/lib/templates/engine';
import { printableLine } from '@/lib/templates/quoting';

/** Renders an e-mail template to subject and body: templateId, else the default e-mail template, else the built-in "Peering request". */
export async function renderEmailTemplate(
  db: Executor,
  templateId: number | null,
  vars: object,
): Promise<{ subject: string; body: string; template: { id: number | null; name: string } }> {
  const where = templateId ? and(eq(templates.id, templateId), eq(templates.kind, 'email')) : and(eq(templates.kind, 'email'), eq(templates.isDefault, true));
  const [row] = await db.select().from(templates).where(where).limit(1);
  if (!row && templateId) throw new ServiceError('not_found', `E-mail template ${templateId} not found`);
  const chosen = row ?? {
    id: null,
    name: builtinEmailTemplate.name,
    subject: builtinEmailTemplate.subject,
    body: builtinEmailTemplate.body,
  };
  try {
    // A subject is one header line: nothing from a template or PeeringDB may break it.
    const subject = printableLine(await renderTemplate(chosen.subject ?? '', vars));
    const body = await renderTemplate(chosen.body, vars);
    return { subject, body, template: { id: chosen.id, name: chosen.name } };
  } catch (err) {
    throw toTemplateError(err, chosen.name);
  }
}
