import type { Actor } from '@/lib/auth/actor';
import { createToken } from '@/lib/tokens/service';

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler the way Next does, with a bearer token; returns status and parsed JSON. */
export async function callRoute<P extends Record<string, string>>(
  handler: RouteHandler<P>,
  init: { method?: string; path?: string; token?: string; body?: unknown; params?: P } = {},
) {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const req = new Request(`http://peerdesk.test/api/v1${init.path ?? '/'}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const res = await handler(req, { params: Promise.resolve(init.params ?? ({} as P)) });
  return {
    status: res.status,
    json: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string> } },
  };
}

export async function tokenFor(actor: Actor) {
  const result = await createToken(actor, { name: `${actor.role}-token` });
  if (!result.ok) throw new Error(result.error.message);
  return result.data.secret;
}
