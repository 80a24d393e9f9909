import { and, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { bgpSessions, configPushes, type ConfigStatus, type Router } from '@/db/schema';
import { CONFIRM_SECONDS, confirmCommit, guardPush, rollBack, verifyPush } from '@/lib/changes/guard';
import { lockRouter } from '@/lib/changes/lock';
import { changeFinished, changeOf, changeOutcome, changeStarted } from '@/lib/changes/progress';
import { checkDriftSoon } from '@/lib/findings/drift-check';
import { CONFIG_PUSH } from '@/lib/jobs/labels';
import type { JobContext, JobKind } from '@/lib/jobs/types';
import { cancelPush } from './configure';
import { diffConfig } from './diff';
import { driverFor } from './drivers';
import type { NeighborSpec, PushOperation, PushPlan, RouterDriver } from './drivers/types';
import { pushPayload, type PushPayload } from './push-payload';
import { maskSecrets, unmaskSecrets } from './mask';
import { templateMessage } from './preview';
import { pollUntilSettled } from './verify';
import { loadNeighbors, renderSessions } from './render';
import { TemplateError } from '@/lib/templates/engine';
import { connectRouter, type RouterConnection } from './transport';

const VERIFY_SECONDS = 30;
const PARALLEL_ROUTERS = 4;
export const RENDER_ONLY_NOTE = 'Render-only router: the configuration was rendered, not sent';

type Group = { router: Router; neighbors: NeighborSpec[] };
type RouterOutcome = {
  router: string;
  sessions: number;
  status: 'succeeded' | 'failed' | 'rendered' | 'rolled_back';
  error?: string;
  established?: number;
  notEstablished?: string[];
};

const ids = (neighbors: NeighborSpec[]) => neighbors.map((n) => n.sessionId);

async function setSessions(neighbors: NeighborSpec[], values: Partial<typeof bgpSessions.$inferInsert>) {
  await db()
    .update(bgpSessions)
    .set({ ...values, updatedAt: new Date() })
    .where(and(inArray(bgpSessions.id, ids(neighbors)), isNull(bgpSessions.removedAt)));
}

/** What a session becomes once the router took the change (or, render-only, once the text exists). */
async function markDone(operation: PushOperation, neighbors: NeighborSpec[], renderOnly: boolean, previous: PushPayload['previous']) {
  if (operation === 'remove') return setSessions(neighbors, { configStatus: 'removed', configError: renderOnly ? RENDER_ONLY_NOTE : null, removedAt: new Date() });
  const adminDown = operation === 'admin_down' ? { adminDown: true } : operation === 'admin_up' ? { adminDown: false } : {};
  if (!renderOnly) return setSessions(neighbors, { configStatus: 'configured', configError: null, ...adminDown });
  for (const n of neighbors) {
    const before = previous?.[String(n.sessionId)];
    const back: ConfigStatus = operation === 'configure' || !before || before === 'scheduled' || before === 'configuring' ? 'not_configured' : before;
    await setSessions([n], { configStatus: back, configError: RENDER_ONLY_NOTE, ...adminDown });
  }
}

/** The plan for one router: rendered sections for `configure` (or the Config Manager's edit), none for the rest. */
async function planFor(group: Group, payload: PushPayload) {
  const plan: PushPlan = { operation: payload.operation, neighbors: group.neighbors, sections: [] };
  if (payload.operation !== 'configure') return { plan, rendered: null };
  let rendered: string | null = null;
  try {
    const [r] = await renderSessions(db(), ids(group.neighbors));
    plan.sections = r.sections;
    rendered = r.sections.map((s) => s.text).join('\n');
  } catch (err) {
    // An edit replaces the rendered text, so a template that fails does not stop the Config Manager.
    if (!(err instanceof TemplateError) || payload.editedConfig === undefined) throw err;
  }
  if (payload.editedConfig !== undefined) {
    const n = group.neighbors[0];
    plan.sections = [{ sessionId: n.sessionId, text: unmaskSecrets(payload.editedConfig, n) }];
  }
  return { plan, rendered };
}

async function recordPush(group: Group, ctx: JobContext<PushPayload>, values: Partial<typeof configPushes.$inferInsert>) {
  const [row] = await db()
    .insert(configPushes)
    .values({
      routerId: group.router.id,
      sessionIds: ids(group.neighbors),
      operation: ctx.payload.operation,
      jobId: ctx.job.id,
      actorId: ctx.job.createdBy,
      editedConfig: ctx.payload.editedConfig === undefined ? null : maskSecrets(ctx.payload.editedConfig, group.neighbors),
      changeId: changeOf(ctx.payload, group.router.id),
      ...values,
    })
    .returning({ id: configPushes.id });
  return (changes: Partial<typeof configPushes.$inferInsert>) => db().update(configPushes).set(changes).where(eq(configPushes.id, row.id));
}

/** One router: render -> (connect once) -> running -> diff -> push in one commit -> verify. */
async function pushToRouter(ctx: JobContext<PushPayload>, group: Group, payload: PushPayload): Promise<RouterOutcome> {
  const { router, neighbors } = group;
  const mask = (text: string) => maskSecrets(text, neighbors);
  const outcome = { router: router.name, sessions: neighbors.length };
  const fail = async (error: string, update?: (c: Partial<typeof configPushes.$inferInsert>) => Promise<unknown>, output?: string) => {
    const changes = { status: 'failed' as const, error: mask(error), finishedAt: new Date(), ...(output !== undefined && { output: mask(output) }) };
    if (update) await update(changes);
    else await recordPush(group, ctx, changes);
    await setSessions(neighbors, { configStatus: 'error', configError: mask(error) });
    ctx.log(`${router.name}: failed: ${mask(error)}`);
    return { ...outcome, status: 'failed' as const, error: mask(error) };
  };

  let driver: RouterDriver;
  let plan: PushPlan;
  let rendered: string | null;
  let candidate: string;
  try {
    driver = driverFor(router.platform);
    ({ plan, rendered } = await planFor(group, payload));
    candidate = driver.candidate(router, plan);
  } catch (err) {
    return fail(err instanceof TemplateError ? templateMessage(err) : err instanceof Error ? err.message : String(err));
  }

  if (router.transport === 'none') {
    await recordPush(group, ctx, { status: 'rendered', renderedConfig: mask(rendered ?? candidate), diff: mask(diffConfig('', candidate, router.name)), finishedAt: new Date() });
    await markDone(payload.operation, neighbors, true, payload.previous);
    ctx.log(`${router.name}: rendered only (render-only router), ${neighbors.length} session(s)`);
    return { ...outcome, status: 'rendered' };
  }

  const update = await recordPush(group, ctx, { status: 'pushing', renderedConfig: mask(rendered ?? candidate) });
  let conn: RouterConnection | undefined;
  let guard: Awaited<ReturnType<typeof guardPush>> = null;
  let confirmation: Awaited<ReturnType<NonNullable<RouterDriver['pushConfirmed']>>> | null = null;
  try {
    conn = await connectRouter(router, { timeoutMs: payload.timeoutMs });
    const running = await driver.running(conn, router, neighbors);
    await update({ diff: mask(diffConfig(running, candidate, router.name)) });
    guard = await guardPush(conn, driver, router, plan, payload);
    confirmation = changeOf(payload, router.id) && driver.pushConfirmed
      ? await driver.pushConfirmed(conn, router, plan, CONFIRM_SECONDS)
      : null;
    const { output } = confirmation ?? (await driver.push(conn, router, plan));
    await update({ status: 'succeeded', output: mask(output), finishedAt: new Date() });
    await markDone(payload.operation, neighbors, false, payload.previous);
    ctx.log(`${router.name}: ${payload.operation} succeeded for ${neighbors.length} session(s)`);
  } catch (err) {
    await conn?.close().catch(() => undefined);
    const message = err instanceof Error ? err.message : String(err);
    return fail(message, update, (err as { output?: string }).output);
  }
  try {
    if (confirmation) {
      const confirmed = await confirmCommit(confirmation, changeOf(payload, router.id)!, neighbors, payload.previous);
      if (!confirmed.ok) {
        await update({ status: 'failed', error: mask(confirmed.reason) });
        ctx.log(`${router.name}: ${confirmed.reason}`);
        return { ...outcome, status: 'rolled_back', error: mask(confirmed.reason) };
      }
      await update({ output: mask(confirmed.output) });
    }
    const verification = guard && (await verifyPush(guard, ctx.signal));
    if (guard && verification && !verification.ok) {
      const { reason } = await rollBack(guard, verification, payload.previous);
      await update({ status: 'failed', error: mask(reason) });
      ctx.log(`${router.name}: ${reason}; rolled back`);
      return { ...outcome, status: 'rolled_back', error: mask(reason) };
    }
    if (payload.operation === 'remove' || !driver.states) return { ...outcome, status: 'succeeded' };
    // The change's verification already watched the sessions: one more look is enough.
    const wait = payload.operation === 'admin_down' || guard ? 0 : (payload.verifySeconds ?? VERIFY_SECONDS);
    // A session shut down on purpose is not expected to come up.
    const expectUp = payload.operation === 'admin_down' ? [] : neighbors.filter((n) => payload.operation === 'admin_up' || !n.adminDown);
    const states = await pollUntilSettled({ conn, driver, router, neighbors, expectUp, seconds: wait, signal: ctx.signal });
    const down = expectUp.filter((n) => !/^Established/i.test(states.get(n.sessionId)?.state ?? ''));
    return { ...outcome, status: 'succeeded', established: expectUp.length - down.length, notEstablished: down.map((n) => `${n.peerIp}: ${states.get(n.sessionId)?.state ?? 'unknown'}`) };
  } catch (err) {
    // The configuration is on the router; only the check failed. The next poll tries again.
    ctx.log(`${router.name}: could not read the BGP state after the push: ${err instanceof Error ? err.message : String(err)}`);
    return { ...outcome, status: 'succeeded' };
  } finally {
    await conn.close().catch(() => undefined);
  }
}

async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * One connection and one commit per router, however many sessions the job carries. A router that
 * fails leaves its sessions in Error with its own message; none of them is Configured.
 */
async function configPushJob(ctx: JobContext<PushPayload>) {
  const { payload } = ctx;
  await db()
    .update(bgpSessions)
    .set({ configStatus: 'configuring', configError: null, updatedAt: new Date() })
    .where(and(inArray(bgpSessions.id, payload.sessionIds), isNull(bgpSessions.removedAt)));
  const groups = await loadNeighbors(db(), payload.sessionIds);
  let done = 0;
  const sessions = groups.reduce((sum, g) => sum + g.neighbors.length, 0);
  ctx.progress({ routers: groups.length, done, sessions });
  const routers = await inParallel(groups, PARALLEL_ROUTERS, async (group) => {
    const changeId = changeOf(payload, group.router.id);
    const release = changeId
      ? await lockRouter(group.router.id, changeId, { signal: ctx.signal, onWait: (other) => ctx.log(`${group.router.name}: waiting for change #${other} to finish first`) })
      : null;
    try {
      await changeStarted(payload, group.router.id, ctx.job.id);
      const outcome = await pushToRouter(ctx, group, payload);
      await changeFinished(payload, group.router.id, changeOutcome(outcome));
      ctx.progress({ routers: groups.length, done: ++done, sessions, last: `${outcome.router}: ${outcome.status}` });
      return outcome;
    } finally {
      await release?.();
    }
  });
  await checkDriftSoon(payload.sessionIds);
  const failed = routers.filter((r) => r.status === 'failed' || r.status === 'rolled_back');
  if (failed.length) throw new Error(failed.map((r) => `${r.router}: ${r.error}`).join('\n'));
  return { routers };
}

export const configPushKind: JobKind<PushPayload> = { ...CONFIG_PUSH, payload: pushPayload, run: configPushJob, onCancel: cancelPush };
