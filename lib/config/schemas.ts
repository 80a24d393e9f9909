import { z } from 'zod';
import { emergencyReason } from '@/lib/changes/schemas';

const sessionId = z.coerce.number({ message: 'Which session?' }).int('Which session?').positive('Which session?');
// An ISO string in (JSON has no dates, and the OpenAPI document must describe it), a Date out.
const when = z.iso.datetime({ offset: true, message: 'Enter a date and time as ISO 8601, e.g. 2026-05-01T14:00:00Z' }).max(64).transform((s) => new Date(s));

/** 1 click config (no config) and the Config Manager (config: the rendered text as edited, for this one push). */
export const configureSessionInput = z.object({
  sessionId,
  mode: z.enum(['now', 'schedule'], { message: 'now or schedule' }),
  /** schedule: when; absent means one hour from now. */
  at: when.optional(),
  config: z.string().max(200_000, 'At most 200,000 characters').refine((t) => t.trim().length > 0, 'The configuration is empty').optional(),
  emergencyReason,
});

export const sessionAdminStateInput = z.object({
  sessionId,
  adminDown: z.boolean({ message: 'true (shut the session down) or false (bring it up)' }),
  emergencyReason,
});

export const refreshBgpStateInput = z.object({}).default({});
