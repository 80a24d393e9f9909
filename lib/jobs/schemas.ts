import { z } from 'zod';
import { jobStatusEnum, type JobStatus } from '@/db/schema';

export const jobStatuses = jobStatusEnum.enumValues;

export const jobStatusLabels: Record<JobStatus, string> = {
  scheduled: 'Scheduled',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const jobId = z.coerce.number({ message: 'A job id' }).int('A job id').positive('A job id');

/** The Scheduler's filters, shared by the page (from the URL) and GET /jobs (query parameters). */
export const jobFilters = z.object({
  status: z.enum(jobStatuses, { message: `One of ${jobStatuses.join(', ')}` }).optional(),
  kind: z.string().trim().min(1).max(80).optional(),
});

export type JobFilters = z.output<typeof jobFilters>;

export const rescheduleJobInput = z.object({
  id: jobId,
  runAt: z.coerce.date({ message: 'Enter a date and time' }).refine((d) => !Number.isNaN(d.getTime()), 'Enter a date and time'),
});

export const jobRefInput = z.object({ id: jobId });
