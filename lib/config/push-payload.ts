import { z } from 'zod';
import { configStatusEnum } from '@/db/schema';
import type { PushOperation } from './drivers/types';

const pushOperations = ['configure', 'remove', 'admin_down', 'admin_up'] as const satisfies readonly PushOperation[];

/**
 * What the config.push job carries, read when it runs or is cancelled. `previous` lets a cancelled
 * job put each session back where it was.
 */
export const pushPayload = z.object({
  sessionIds: z.array(z.number().int().positive()),
  operation: z.enum(pushOperations),
  editedConfig: z.string().optional(),
  previous: z.record(z.string(), z.enum(configStatusEnum.enumValues)).optional(),
  /** Router id -> the change this push carries out there. */
  changes: z.record(z.string(), z.number().int().positive()).optional(),
  /** Test and benchmark knobs: seconds to wait for Established, and the router time limit. */
  verifySeconds: z.number().nonnegative().optional(),
  timeoutMs: z.number().positive().optional(),
});

export type PushPayload = z.output<typeof pushPayload>;
