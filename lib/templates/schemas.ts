import { z } from 'zod';
import { platformEnum, templateKindEnum } from '@/db/schema';
import type { TemplateFilters } from '@/db/queries/templates';
import { MAX_TEMPLATE_CHARS } from './engine';

const id = (message: string) => z.coerce.number({ message }).int(message).positive(message);
const kinds = templateKindEnum.enumValues;
const platforms = platformEnum.enumValues;

const name = z.string({ message: 'Enter a name' }).trim().min(1, 'Enter a name').max(100, 'At most 100 characters');
const subject = z.string().trim().max(300, 'At most 300 characters');
const body = z.string({ message: 'Enter the template' }).min(1, 'Enter the template').max(MAX_TEMPLATE_CHARS, `At most ${MAX_TEMPLATE_CHARS} characters`);
const platform = z.enum(platforms, { message: `One of ${platforms.join(', ')}` });

export const createTemplateInput = z
  .object({
    kind: z.enum(kinds, { message: 'config or email' }),
    /** Config templates only: the router platform it is written for. */
    platform: platform.nullable().optional(),
    name,
    /** E-mail templates only. */
    subject: subject.nullable().optional(),
    body,
    isDefault: z.boolean().default(false),
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'config' && !t.platform) ctx.addIssue({ code: 'custom', path: ['platform'], message: 'Choose the platform this template is for' });
    if (t.kind === 'email' && t.platform) ctx.addIssue({ code: 'custom', path: ['platform'], message: 'E-mail templates have no platform' });
    if (t.kind === 'email' && !t.subject) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'Enter the subject' });
  });

/** Each save with a body or subject makes a new revision. */
export const updateTemplateInput = z.object({
  id: id('Which template?'),
  name: name.optional(),
  subject: subject.nullable().optional(),
  body: body.optional(),
});

export const revertTemplateInput = z.object({ id: id('Which template?'), revision: id('Which revision?') });

export const templateIdInput = z.object({ id: id('Which template?') });

export const setDefaultTemplateInput = z.object({ id: id('Which template?'), isDefault: z.boolean().default(true) });

const previewFields = z.object({
  body: z.string({ message: 'Enter the template' }).max(MAX_TEMPLATE_CHARS, `At most ${MAX_TEMPLATE_CHARS} characters`),
  subject: z.string().max(300).nullable().optional(),
  /** Config: the session to render for. */
  sessionId: id('Choose a session').optional(),
  /** E-mail: the network to write to. */
  peerAsn: z.coerce.number({ message: 'Enter an ASN' }).int('Enter an ASN').min(1, 'Enter an ASN').max(4_294_967_295, 'Enter an ASN').optional(),
});

/** POST /templates/{id}/preview: the template's own kind; body and subject override its stored text. */
export const previewRequestBody = previewFields.partial({ body: true });

export const previewTemplateInput = previewFields
  .extend({ kind: z.enum(kinds, { message: 'config or email' }) })
  .superRefine((p, ctx) => {
    if (p.kind === 'config' && !p.sessionId) ctx.addIssue({ code: 'custom', path: ['sessionId'], message: 'Choose a session to preview with' });
    if (p.kind === 'email' && !p.peerAsn) ctx.addIssue({ code: 'custom', path: ['peerAsn'], message: 'Choose a network to preview with' });
  });

export const templateKindLabels = { config: 'Config', email: 'E-mail' } as const;

/** PATCH /templates/{id}: a save, a revert or a default change (for the API description). */
export const patchTemplateBody = updateTemplateInput.omit({ id: true }).extend({
  revertTo: z.number().int().positive().optional(),
  isDefault: z.boolean().optional(),
});

/** The list's filters, shared by the Templates page (URL) and GET /templates (query parameters). */
export const templateFilters = z.object({
  kind: z.enum(kinds, { message: 'config or email' }).optional(),
  platform: platform.optional(),
}) satisfies z.ZodType<TemplateFilters>;
