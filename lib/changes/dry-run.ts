import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { bgpSessions, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { validationFailure } from '@/lib/auth/mutation';
import { can } from '@/lib/auth/permissions';
import { configureSessionInput } from '@/lib/config/schemas';
import type { Result } from '@/lib/errors';
import { readChange, type RouterReading } from './capture';
import { changeControlSettings } from './settings';
import { isOpen, nextOpening } from './windows';

export type DryRun = RouterReading & { router: string; approvalRequired: boolean; inWindow: boolean; nextWindow: Date | null };

/**
 * The change exactly as Configure would push it, without pushing or recording anything: the text
 * the driver would send (keys as ********), the diff against what the router runs now, and whether
 * it would wait for approval or for a maintenance window.
 */
export async function dryRunConfigure(actor: Actor | null, raw: unknown): Promise<Result<DryRun>> {
  if (!actor) return { ok: false, error: { code: 'unauthenticated', message: 'Sign in first' } };
  if (!can(actor.role, 'sessions.configure')) return { ok: false, error: { code: 'forbidden', message: `Your role (${actor.role}) may not do this (sessions.configure)` } };
  const parsed = configureSessionInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: validationFailure(parsed.error) };
  const [row] = await db()
    .select({ router: routers })
    .from(bgpSessions)
    .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
    .where(eq(bgpSessions.id, parsed.data.sessionId));
  if (!row) return { ok: false, error: { code: 'not_found', message: 'Session not found' } };
  const reading = await readChange({ kind: 'configure', sessionIds: [parsed.data.sessionId], editedConfig: parsed.data.config ?? null });
  const windows = row.router.maintenanceWindows;
  const control = await changeControlSettings();
  return {
    ok: true,
    data: {
      ...reading,
      router: row.router.name,
      approvalRequired: control.approvalRequired || row.router.production,
      inWindow: isOpen(windows),
      nextWindow: windows.length ? nextOpening(windows) : null,
    },
  };
}
