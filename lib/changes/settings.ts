import { eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { settings } from '@/db/schema';

export type ChangeControlSettings = {
  /** Every change waits for a second person's approval (production routers always do). */
  approvalRequired: boolean;
  /** How long after a push the sessions are watched before the change counts as succeeded. */
  verifySeconds: number;
  /** A change whose verification fails is taken back off the router. */
  rollbackOnFailure: boolean;
};

export const CHANGE_CONTROL_KEY = 'changeControl';
const DEFAULT_CHANGE_CONTROL: ChangeControlSettings = { approvalRequired: false, verifySeconds: 30, rollbackOnFailure: true };

export async function changeControlSettings(executor: Executor = db()): Promise<ChangeControlSettings> {
  const [row] = await executor.select({ value: settings.value }).from(settings).where(eq(settings.key, CHANGE_CONTROL_KEY));
  return { ...DEFAULT_CHANGE_CONTROL, ...((row?.value as Partial<ChangeControlSettings> | undefined) ?? {}) };
}
