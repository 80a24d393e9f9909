import cron from 'node-cron';
import { tick } from './runner';

const state = globalThis as { __peerdeskScheduler?: { running: boolean; task?: ReturnType<typeof cron.schedule> } };

async function safeTick() {
  const s = (state.__peerdeskScheduler ??= { running: false });
  if (s.running) return;
  s.running = true;
  try {
    await tick();
  } catch (err) {
    console.error('scheduler tick failed:', err);
  } finally {
    s.running = false;
  }
}

/** node-cron inside the server: a tick every 10 s (due jobs, the periodic PeeringDB refresh). */
export function startScheduler() {
  const s = (state.__peerdeskScheduler ??= { running: false });
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
