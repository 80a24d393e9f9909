// Test-only routes under /__control/: faults, dataset mutation and reset, request statistics.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultError, parseFault } from './faults';
import { LAB } from './lab-overlay';
import { sendError, sendJson } from './responses';
import { isTag } from './schema';
import type { ServerContext } from './server';

const MAX_BODY_BYTES = 1 << 20;

class BadRequest extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > MAX_BODY_BYTES) throw new BadRequest('body too large');
  }
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest('body is not JSON');
  }
}

function mutateOptions(body: unknown): { fraction: number; seed?: number; now?: number } {
  const { fraction, seed, now } = (body ?? {}) as Record<string, unknown>;
  if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) throw new BadRequest("'fraction' must be a number in [0, 1]");
  if (seed !== undefined && typeof seed !== 'number') throw new BadRequest("'seed' must be a number");
  if (now !== undefined && typeof now !== 'number') throw new BadRequest("'now' must be epoch milliseconds");
  return { fraction, seed, now };
}

export async function handleControl(context: ServerContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = `${req.method} ${url.pathname.replace(/\/$/, '')}`;
  const { store, faults, stats } = context;
  try {
    switch (route) {
      case 'GET /__control/faults':
        return sendJson(res, 200, { faults: faults.pending() });
      case 'POST /__control/faults': {
        const body = await readJson(req);
        faults.add(...(Array.isArray(body) ? body : [body]).map(parseFault));
        return sendJson(res, 201, { faults: faults.pending() });
      }
      case 'DELETE /__control/faults':
        faults.clear();
        return sendJson(res, 200, { faults: [] });
      case 'POST /__control/mutate':
        return sendJson(res, 200, store.mutate(mutateOptions(await readJson(req))));
      case 'POST /__control/edit': {
        const { tag, id, fields } = ((await readJson(req)) ?? {}) as { tag?: unknown; id?: unknown; fields?: unknown };
        if (typeof tag !== 'string' || !isTag(tag)) throw new BadRequest("'tag' must be a PeeringDB object type");
        if (typeof id !== 'number' || typeof fields !== 'object' || fields === null) throw new BadRequest("'id' must be a number and 'fields' an object");
        if (!store.get(tag, id)) throw new BadRequest(`${tag} ${id} does not exist`);
        return sendJson(res, 200, { data: [store.edit(tag, id, fields as Record<string, unknown>)] });
      }
      case 'POST /__control/reset':
        context.reset();
        return sendJson(res, 200, { counts: store.counts(), latestUpdate: store.latestUpdate() });
      case 'GET /__control/stats':
        return sendJson(res, 200, stats);
      case 'DELETE /__control/stats':
        stats.reset();
        return sendJson(res, 200, stats);
      case 'GET /__control/info':
        return sendJson(res, 200, { options: store.options, counts: store.counts(), latestUpdate: store.latestUpdate(), lab: LAB });
      default:
        return sendError(res, 404, `No control route ${route}`);
    }
  } catch (error) {
    if (!(error instanceof BadRequest || error instanceof FaultError)) throw error;
    sendError(res, 400, error.message);
  }
}
