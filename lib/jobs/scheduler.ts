import cron from 'node-cron';
import { logger } from '@/lib/log/logger';

// Services kick the scheduler, and the runner reaches every service through the job kinds: the tick is
// handed in at start (lib/server/startup.ts) rather than imported, so that this module closes no import cycle.
type Tick = () => Promise<unknown>;
const state = globalThis as { __peerdeskScheduler?: {
  running: boolean;
  lastTickAt?: number;
  tick?: Tick;
  task?: ReturnType<typeof cron.schedule>;
} };

async function safeTick() {
  const s = (state.__peerdeskScheduler ??= { running: false });
  // Counted when node-cron fires, not when the jobs end: a long PeeringDB sync must not look like a dead scheduler.
  s.lastTickAt = Date.now();
  if (s.running) return;
  s.running = true;
  try {
    await s.tick?.();
  } catch (err) {
    logger().error({ err }, 'scheduler tick failed');
  } finally {
    s.running = false;
  }
}

/** node-cron inside the server: a tick every 10 s (due jobs, the periodic PeeringDB refresh). */
export function startScheduler(tick: Tick) {
  const s = (state.__peerdeskScheduler ??= { running: false });
  s.tick = tick;
  s.task ??= cron.schedule('*/10 * * * * *', safeTick, { noOverlap: true });
}

/** In the server, run due jobs now rather than at the next tick (after "Sync now", say); never waits for them. */
export function kickScheduler() {
  if (!state.__peerdeskScheduler?.task) return;
  setImmediate(() => void safeTick());
}

export function stopScheduler() {
  state.__peerdeskScheduler?.task?.stop();
}

/** When this process's scheduler last fired (ms since epoch), or null before the first one. */
export function schedulerLastTick(): { started: boolean; lastTickAt: number | null } {
  const s = state.__peerdeskScheduler;
  return { started: !!s?.task, lastTickAt: s?.lastTickAt ?? null };
}
