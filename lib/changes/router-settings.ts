import type { MaintenanceWindow, Router } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { ServiceError } from '@/lib/errors';

// jsonb gives keys back in its own order, and the days are a set: windows sent back as read are no change.
const canonical = (windows: MaintenanceWindow[]) => JSON.stringify(windows.map((w) => [[...w.days].sort(), w.start, w.end, w.timeZone]));
const sameWindows = (a: MaintenanceWindow[], b: MaintenanceWindow[]) => canonical(a) === canonical(b);

/**
 * A router's production flag and maintenance windows decide who must approve and when changes run:
 * only those who approve changes may move them (an operator could otherwise switch approval off for a push).
 */
export function guardChangeControl(actor: Actor, next: { production?: boolean; maintenanceWindows?: MaintenanceWindow[] }, current?: Pick<Router, 'production' | 'maintenanceWindows'>) {
  if (can(actor.role, 'changes.approve')) return;
  const refused: Record<string, string> = {};
  if (next.production !== undefined && next.production !== (current?.production ?? false)) refused.production = 'Only those who approve changes may set whether a router is production';
  if (next.maintenanceWindows !== undefined && !sameWindows(next.maintenanceWindows, current?.maintenanceWindows ?? [])) {
    refused.maintenanceWindows = "Only those who approve changes may set a router's maintenance windows";
  }
  const first = Object.values(refused)[0];
  if (first) throw new ServiceError('forbidden', first, refused);
}
