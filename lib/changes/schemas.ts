import { z } from 'zod';
import { changeStatusEnum } from '@/db/schema';

const id = z.coerce.number({ message: 'Which change?' }).int('Which change?').positive('Which change?');

export const changeDecisionInput = z.object({
  id,
  comment: z.string().trim().max(2000, 'At most 2,000 characters').optional(),
});
export const changeDecisionBody = changeDecisionInput.omit({ id: true });

export const changeListFilters = z.object({
  status: z.enum(changeStatusEnum.enumValues).optional(),
  routerId: z.coerce.number().int().positive().optional(),
});

/** PATCH /settings {"changeControl": {...}} */
export const changeControlInput = z.object({
  approvalRequired: z.boolean({ message: 'true or false' }).optional(),
  verifySeconds: z.coerce.number({ message: 'Seconds, 0 to 600' }).int('Whole seconds').min(0, 'Seconds, 0 to 600').max(600, 'At most 600 seconds').optional(),
  rollbackOnFailure: z.boolean({ message: 'true or false' }).optional(),
});

/** Push now outside a maintenance window: allowed with changes.emergency and a reason, which is recorded. */
export const emergencyReason = z.string().trim().min(1, 'Give a reason').max(500, 'At most 500 characters').optional();
