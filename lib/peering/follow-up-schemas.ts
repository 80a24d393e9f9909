import { z } from 'zod';

const followUpModes = ['send', 'suggest'] as const;

/** PATCH /settings {"followUp": {...}}: how long to wait for an answer, how many follow-ups at most, and who sends them. */
export const followUpInput = z.object({
  afterHours: z.coerce.number({ message: 'Hours, 1 to 8760' }).int('Whole hours').min(1, 'At least one hour').max(8760, 'At most a year (8760 hours)').optional(),
  max: z.coerce.number({ message: '0 to 10' }).int('A whole number').min(0, '0 (none) to 10').max(10, 'At most 10').optional(),
  mode: z.enum(followUpModes, { message: 'send or suggest' }).optional(),
});

/** PATCH /settings {"notices": {...}}: a cap on bulk notices, so a mistake cannot mail every peer twice over. */
export const noticesInput = z.object({
  maxPerHour: z.coerce.number({ message: 'Messages, 1 to 10000' }).int('A whole number').min(1, 'At least 1').max(10_000, 'At most 10,000').optional(),
});

export type FollowUpSettings = { afterHours: number; max: number; mode: (typeof followUpModes)[number] };
export type NoticeSettings = { maxPerHour: number };

/** Suggest by default: nothing goes out in the operator's name until they chose "send". */
export const DEFAULT_FOLLOW_UP: FollowUpSettings = { afterHours: 168, max: 2, mode: 'suggest' };
export const DEFAULT_NOTICES: NoticeSettings = { maxPerHour: 200 };
