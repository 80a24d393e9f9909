import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { bgpSessions, routers } from '@/db/schema';
import { query } from '@/lib/auth/mutation';
import { configureSessionInput } from '@/lib/config/schemas';
import { notFound } from '@/lib/errors';
import { readChange, type RouterReading } from './capture';
import { changeControlSettings } from './settings';
import { isOpen, nextOpening } from './windows';

export type DryRun = RouterReading & { router: string; approvalRequired: boolean; inWindow: boolean; nextWindow: Date | null };

/**
 * The change exactly as Configure would push it, without pushing or recording anything: the text
 * the driver would send (keys as ********), the diff against what the router runs now, and whether
 * it would wait for approval or for a maintenance window.
 */
export const dryRunConfigure = query({
  name: 'session.configure.dry_run',
  permission: 'sessions.configure',
  input: configureSessionInput,
  async run({ input }): Promise<DryRun> {
    const [row] = await db()
      .select({ router: routers })
      .from(bgpSessions)
      .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
      .where(eq(bgpSessions.id, input.sessionId));
    if (!row) throw notFound('Session');
    const reading = await readChange({ kind: 'configure', sessionIds: [input.sessionId], editedConfig: input.config ?? null });
    const windows = row.router.maintenanceWindows;
    const control = await changeControlSettings();
    return {
      ...reading,
      router: row.router.name,
      approvalRequired: control.approvalRequired || row.router.production,
      inWindow: isOpen(windows),
      nextWindow: windows.length ? nextOpening(windows) : null,
    };
  },
});
