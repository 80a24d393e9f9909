import { db } from '@/db/client';
import { query } from '@/lib/auth/mutation';
import { ServiceError, notFound } from '@/lib/errors';
import { diffConfig } from './diff';
import { driverFor } from './drivers';
import type { PushPlan } from './drivers/types';
import { maskSecrets, unmaskSecrets } from './mask';
import { loadNeighbors, renderSessions } from './render';
import { TemplateError } from '@/lib/templates/engine';
import { configureSessionInput } from './schemas';
import { connectRouter } from './transport';

export const templateMessage = (err: TemplateError) =>
  `Template ${err.templateName ?? '(unnamed)'}${err.line === null ? '' : `, line ${err.line}, column ${err.column}`}: ${err.detail}`;

/** What the Config Manager opens with: the session rendered with its router's default template, keys masked. */
export async function renderedForSession(sessionId: number) {
  const [group] = await loadNeighbors(db(), [sessionId]);
  if (!group) throw notFound('Session');
  try {
    const [r] = await renderSessions(db(), [sessionId]);
    return { router: r.router.name, renderOnly: r.router.transport === 'none', template: r.template, text: maskSecrets(r.sections[0].text, r.neighbors), error: null };
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    return { router: group.router.name, renderOnly: group.router.transport === 'none', template: null, text: '', error: templateMessage(err) };
  }
}

/**
 * The Config Manager's "Load running config & diff": connects to the router (outside any
 * transaction), reads what it runs for this neighbor and diffs it against the rendered or edited text.
 */
async function runningDiff(sessionId: number, editedConfig?: string) {
  const [group] = await loadNeighbors(db(), [sessionId]);
  if (!group) throw notFound('Session');
  const { router, neighbors } = group;
  if (router.transport === 'none') throw new ServiceError('conflict', `${router.name} is a render-only router: Peerdesk never connects to it`);
  const plan: PushPlan = { operation: 'configure', neighbors, sections: [] };
  if (editedConfig !== undefined) plan.sections = [{ sessionId, text: unmaskSecrets(editedConfig, neighbors[0]) }];
  else {
    try {
      plan.sections = (await renderSessions(db(), [sessionId]))[0].sections;
    } catch (err) {
      if (err instanceof TemplateError) throw new ServiceError('validation', templateMessage(err));
      throw err;
    }
  }
  const driver = driverFor(router.platform);
  const conn = await connectRouter(router);
  try {
    const running = await driver.running(conn, router, neighbors);
    const candidate = driver.candidate(router, plan);
    return { running: maskSecrets(running, neighbors), diff: maskSecrets(diffConfig(running, candidate, router.name), neighbors) };
  } finally {
    await conn.close().catch(() => undefined);
  }
}

/** "Load running config & diff" on the button, never on page load, and only for those who may configure. */
export const loadRunningDiff = query({
  name: 'session.running_diff',
  permission: 'sessions.configure',
  input: configureSessionInput.pick({ sessionId: true, config: true }),
  run: ({ input }) => runningDiff(input.sessionId, input.config),
});
