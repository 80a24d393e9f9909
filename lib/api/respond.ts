import { NextResponse } from 'next/server';
import { authenticateBearer } from '@/lib/tokens/service';
import type { Actor } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';
import { toFailure } from '@/lib/auth/mutation';
import { ServiceError, httpStatus, type Result, type ServiceFailure } from '@/lib/errors';

export function errorResponse(failure: ServiceFailure) {
  const { code, message, fields, errorId } = failure;
  return NextResponse.json({ error: { code, message, ...(fields && { fields }), ...(errorId && { errorId }) } }, { status: httpStatus[code] });
}

export function resultResponse<T>(result: Result<T>, status = 200) {
  return result.ok ? NextResponse.json(result.data, { status }) : errorResponse(result.error);
}

export function requirePermission(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ServiceError('forbidden', `Your role (${actor.role}) may not do this (${permission})`);
}

export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new ServiceError('validation', 'The request body must be JSON');
  }
}

type Handler<P> = (ctx: { req: Request; actor: Actor; params: P }) => Promise<Response>;

/** Every /api/v1 route: bearer token -> actor, then the handler; failures become the API's JSON error shape. */
export function apiRoute<P = Record<string, string>>(handler: Handler<P>) {
  return async (req: Request, context: { params: Promise<P> }) => {
    const check = await authenticateBearer(req.headers.get('authorization'));
    if ('refused' in check) return errorResponse({ code: 'unauthenticated', message: check.refused });
    try {
      return await handler({ req, actor: check.actor, params: await context.params });
    } catch (err) {
      return errorResponse(toFailure(err, `${req.method} ${new URL(req.url).pathname}`));
    }
  };
}

export function pageParams(url: string, defaults = { limit: 50 }) {
  const search = new URL(url).searchParams;
  const limit = Math.min(500, Math.max(1, Number(search.get('limit')) || defaults.limit));
  const offset = Math.max(0, Number(search.get('cursor') ?? search.get('offset')) || 0);
  return { q: search.get('q')?.trim() || undefined, limit, offset };
}

/** Lists fetch limit + 1 rows; the extra one only says whether there is a next page. */
export function pageOf<T>(rows: T[], params: { limit: number; offset: number }) {
  const more = rows.length > params.limit;
  return { data: more ? rows.slice(0, params.limit) : rows, next: more ? String(params.offset + params.limit) : null };
}
