import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { changes, type Change } from '@/db/schema';
import { diffConfig } from '@/lib/config/diff';
import { driverFor } from '@/lib/config/drivers';
import { maskSecrets, unmaskSecrets } from '@/lib/config/mask';
import { templateMessage } from '@/lib/config/preview';
import { loadNeighbors, renderSessions } from '@/lib/config/render';
import { TemplateError } from '@/lib/templates/engine';
import { connectRouter } from '@/lib/config/transport';
import type { NeighborSpec, PushOperation, PushPlan } from '@/lib/config/drivers/types';

// A reviewer waits for this at request time: a router that does not answer soon is noted, not waited for.
const READ_TIMEOUT_MS = 10_000;

/** The plan the push would carry out: the edit when there is one, else the rendered text (configure), else nothing to render. */
async function planOf(change: Pick<Change, 'kind' | 'editedConfig'>, neighbors: NeighborSpec[]): Promise<PushPlan> {
  const plan: PushPlan = { operation: change.kind as PushOperation, neighbors, sections: [] };
  if (plan.operation !== 'configure') return plan;
  if (change.editedConfig !== null) plan.sections = [{
    sessionId: neighbors[0].sessionId,
    text: unmaskSecrets(change.editedConfig, neighbors[0]),
  }];
  else plan.sections = (await renderSessions(db(), neighbors.map((n) => n.sessionId)))[0].sections;
  return plan;
}

export type RouterReading = { candidate: string; running: string | null; diff: string | null; note: string | null };

/**
 * What this change would apply (keys masked) and, when the router can be read, what it runs for
 * these neighbors and the diff between the two.
 */
export async function readChange(change: Pick<Change, 'kind' | 'sessionIds' | 'editedConfig'>): Promise<RouterReading> {
  const [group] = await loadNeighbors(db(), change.sessionIds);
  if (!group) return { candidate: '', running: null, diff: null, note: 'The sessions of this change no longer exist' };
  const { router, neighbors } = group;
  const mask = (text: string) => maskSecrets(text, neighbors);
  const driver = driverFor(router.platform);
  let candidate: string;
  try {
    candidate = driver.candidate(router, await planOf(change, neighbors));
  } catch (err) {
    const note = err instanceof TemplateError ? templateMessage(err) : err instanceof Error ? err.message : String(err);
    return { candidate: '', running: null, diff: null, note: `Could not render the change: ${mask(note)}` };
  }
  if (router.transport === 'none') return { candidate: mask(candidate), running: null, diff: null, note: 'Render-only router: Peerdesk never reads or pushes its configuration' };
  try {
    const conn = await connectRouter(router, { timeoutMs: READ_TIMEOUT_MS });
    try {
      const running = await driver.running(conn, router, neighbors);
      return { candidate: mask(candidate), running: mask(running), diff: mask(diffConfig(running, candidate, router.name)), note: null };
    } finally {
      await conn.close().catch(() => undefined);
    }
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { candidate: mask(candidate), running: null, diff: null, note: `The running configuration could not be read, so there is no diff: ${mask(reason)}` };
  }
}

/** Stores a reading on the change: the diff a reviewer sees and the running text approval compares against. */
export async function storeReading(changeId: number, reading: RouterReading) {
  await db()
    .update(changes)
    .set({
      candidate: reading.candidate,
      running: reading.running,
      diff: reading.diff,
      diffNote: reading.note,
      diffAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(changes.id, changeId));
}
