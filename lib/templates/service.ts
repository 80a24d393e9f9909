import { and, eq, isNull, ne } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { emailPreviewFacts, getTemplate } from '@/db/queries/templates';
import { templateRevisions, templates, type Platform } from '@/db/schema';
import { sessionVariables } from '@/lib/config/render';
import { checkTemplate, renderTemplate, TemplateError } from './engine';
import { mutation, query } from '@/lib/auth/mutation';
import { ServiceError, notFound } from '@/lib/errors';
import { peeringSettingsView } from '@/lib/settings/service';
import { createTemplateInput, previewTemplateInput, revertTemplateInput, setDefaultTemplateInput, templateIdInput, updateTemplateInput } from './schemas';

/** A template that does not parse is refused with the error, line and column next to the field. */
function refuseUnparsable(fields: { body?: string; subject?: string | null }) {
  for (const field of ['subject', 'body'] as const) {
    const text = fields[field];
    const error = text ? checkTemplate(text) : null;
    if (error) throw new ServiceError('validation', `${field === 'body' ? 'Template' : 'Subject'}: ${error.message}`, { [field]: error.message });
  }
}

async function refuseDuplicateName(tx: Tx, kind: 'config' | 'email', name: string, exceptId?: number) {
  const [other] = await tx
    .select({ id: templates.id })
    .from(templates)
    .where(and(eq(templates.kind, kind), eq(templates.name, name), exceptId ? ne(templates.id, exceptId) : undefined));
  if (other) {
    const message = `A ${kind} template named "${name}" already exists`;
    throw new ServiceError('conflict', message, { name: message });
  }
}

/** One default per kind and platform: marking one unmarks the others, in the same transaction. */
async function clearOtherDefaults(tx: Tx, t: { id: number; kind: 'config' | 'email'; platform: Platform | null }) {
  await tx
    .update(templates)
    .set({ isDefault: false })
    .where(and(
      eq(templates.kind, t.kind),
      t.platform ? eq(templates.platform, t.platform) : isNull(templates.platform),
      ne(templates.id, t.id),
      eq(templates.isDefault, true),
    ));
}

async function current(tx: Tx, id: number) {
  const [row] = await tx.select().from(templates).where(eq(templates.id, id)).for('update');
  if (!row) throw notFound('Template');
  return row;
}

async function detail(tx: Tx, id: number) {
  const found = await getTemplate(tx, id);
  if (!found) throw notFound('Template');
  return found;
}

export const createTemplate = mutation({
  action: 'template.create',
  permission: 'templates.manage',
  input: createTemplateInput,
  async run({ tx, actor, input, audit }) {
    refuseUnparsable(input);
    await refuseDuplicateName(tx, input.kind, input.name);
    const platform = input.kind === 'config' ? (input.platform ?? null) : null;
    const subject = input.kind === 'email' ? (input.subject ?? null) : null;
    const [row] = await tx.insert(templates)
      .values({ kind: input.kind, platform, name: input.name, subject, body: input.body, isDefault: input.isDefault, revision: 1 })
      .returning();
    await tx.insert(templateRevisions).values({ templateId: row.id, revision: 1, subject, body: input.body, authorId: actor.id });
    if (row.isDefault) await clearOtherDefaults(tx, row);
    audit({ target: `template:${row.id}`, details: { kind: row.kind, platform, name: row.name, isDefault: row.isDefault } });
    return detail(tx, row.id);
  },
});

export const updateTemplate = mutation({
  action: 'template.update',
  permission: 'templates.manage',
  input: updateTemplateInput,
  async run({ tx, actor, input, audit }) {
    const row = await current(tx, input.id);
    if (input.name !== undefined) await refuseDuplicateName(tx, row.kind, input.name, row.id);
    if (row.kind === 'email' && input.subject !== undefined && !input.subject) throw new ServiceError('validation', 'Enter the subject', { subject: 'Enter the subject' });
    refuseUnparsable(input);
    const body = input.body ?? row.body;
    const subject = row.kind === 'email' ? (input.subject ?? row.subject) : null;
    const changed = body !== row.body || subject !== row.subject;
    const revision = changed ? row.revision + 1 : row.revision;
    await tx
      .update(templates)
      .set({ name: input.name ?? row.name, body, subject, revision, updatedAt: new Date() })
      .where(eq(templates.id, row.id));
    if (changed) await tx.insert(templateRevisions).values({ templateId: row.id, revision, subject, body, authorId: actor.id });
    audit({ target: `template:${row.id}`, details: { name: input.name ?? row.name, revision, fields: Object.keys(input).filter((k) => k !== 'id') } });
    return detail(tx, row.id);
  },
});

/** Reverting makes a new revision with the old text: history only grows. */
export const revertTemplate = mutation({
  action: 'template.revert',
  permission: 'templates.manage',
  input: revertTemplateInput,
  async run({ tx, actor, input, audit }) {
    const row = await current(tx, input.id);
    const [old] = await tx
      .select()
      .from(templateRevisions)
      .where(and(eq(templateRevisions.templateId, row.id), eq(templateRevisions.revision, input.revision)));
    if (!old) throw new ServiceError('not_found', `Revision ${input.revision} of "${row.name}" not found`, { revision: `No revision ${input.revision}` });
    const revision = row.revision + 1;
    await tx.update(templates)
      .set({ body: old.body, subject: old.subject, revision, updatedAt: new Date() })
      .where(eq(templates.id, row.id));
    await tx.insert(templateRevisions).values({ templateId: row.id, revision, subject: old.subject, body: old.body, authorId: actor.id });
    audit({ target: `template:${row.id}`, details: { name: row.name, revertedTo: input.revision, revision } });
    return detail(tx, row.id);
  },
});

export const deleteTemplate = mutation({
  action: 'template.delete',
  permission: 'templates.manage',
  input: templateIdInput,
  async run({ tx, input, audit }) {
    const row = await current(tx, input.id);
    await tx.delete(templates).where(eq(templates.id, row.id));
    audit({ target: `template:${row.id}`, details: { kind: row.kind, platform: row.platform, name: row.name, wasDefault: row.isDefault } });
    return { id: row.id };
  },
});

export const setDefaultTemplate = mutation({
  action: 'template.set_default',
  permission: 'templates.manage',
  input: setDefaultTemplateInput,
  async run({ tx, input, audit }) {
    const row = await current(tx, input.id);
    await tx.update(templates).set({ isDefault: input.isDefault, updatedAt: new Date() }).where(eq(templates.id, row.id));
    if (input.isDefault) await clearOtherDefaults(tx, row);
    audit({ target: `template:${row.id}`, details: { kind: row.kind, platform: row.platform, name: row.name, isDefault: input.isDefault } });
    return detail(tx, row.id);
  },
});

export type PreviewResult = { subject: string | null; text: string };

/** MD5 keys never leave the server: a preview shows where the key goes, not the key. */
const HIDDEN_MD5 = '********';

/**
 * Renders unsaved template text against a real session (config) or network (e-mail). A template error is a
 * validation failure on its field (body or subject) with its line and column (`at`). Reads only, so no audit row.
 */
export const previewTemplate = query({
  name: 'template.preview',
  permission: 'peering.read',
  input: previewTemplateInput,
  async run({ input }): Promise<PreviewResult> {
    const vars = input.kind === 'config' ? await configPreviewVariables(input.sessionId!) : await emailPreviewVariables(input.peerAsn!);
    let field: 'body' | 'subject' = 'subject';
    try {
      const subject = input.kind === 'email' ? await renderTemplate(input.subject ?? '', vars) : null;
      field = 'body';
      return { subject, text: await renderTemplate(input.body, vars) };
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      const at = err.line === null ? undefined : { line: err.line, column: err.column ?? 1 };
      throw new ServiceError('validation', `${field === 'body' ? 'Template' : 'Subject'}: ${err.message}`, { [field]: err.message }, at);
    }
  },
});

async function configPreviewVariables(sessionId: number) {
  const vars = await sessionVariables(db(), sessionId);
  if (!vars) throw new ServiceError('not_found', 'Session not found', { sessionId: 'No such session' });
  return { ...vars, session: { ...vars.session, md5: vars.session.md5 === null ? null : HIDDEN_MD5 } };
}

async function emailPreviewVariables(peerAsn: number) {
  const [facts, settings] = await Promise.all([emailPreviewFacts(db(), peerAsn), peeringSettingsView()]);
  return { ...facts, sender: settings.requestSender };
}
