import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { authenticateBearer } from '@/lib/tokens/service';
import type { Actor } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';
import { READ_ONLY_TOKEN, toFailure, validationFailure } from '@/lib/auth/mutation';
import { withLogContext } from '@/lib/log/context';
import { ServiceError, httpStatus, type Result, type ServiceFailure } from '@/lib/errors';
import { MAX_JSON_BYTES, readBodyText } from '@/lib/server/request-body';

export function errorResponse(failure: ServiceFailure) {
  const { code, message, fields, errorId, at } = failure;
  return NextResponse.json(
    { error: { code, message, ...(fields && { fields }), ...(at && { at }), ...(errorId && { errorId }) } },
    { status: httpStatus[code] },
  );
}

export function resultResponse<T>(result: Result<T>, status = 200) {
  return result.ok ? NextResponse.json(result.data, { status }) : errorResponse(result.error);
}

export function requirePermission(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ServiceError('forbidden', `Your role (${actor.role}) may not do this (${permission})`);
}

/** A query string, path parameter or body the route parses itself: the value, or a 400 with field errors. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const failure = validationFailure(parsed.error);
    throw new ServiceError('validation', failure.message, failure.fields);
  }
  return parsed.data;
}

/** The JSON body, at most `limit` bytes (413 beyond it). */
export async function readJson(req: Request, limit = MAX_JSON_BYTES): Promise<unknown> {
  const text = await readBodyText(req, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new ServiceError('validation', 'The request body must be JSON');
  }
}

/** A body the route may go without: none, empty or only whitespace reads as {} (whatever the Content-Type says). */
export async function readOptionalJson(req: Request): Promise<unknown> {
  const text = await readBodyText(req, MAX_JSON_BYTES);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ServiceError('validation', 'The request body must be JSON (or left out)');
  }
}

type Handler<P> = (ctx: { req: Request; actor: Actor; params: P }) => Promise<Response>;

/** Every /api/v1 route: bearer token -> actor, then the handler; failures become the API's JSON error shape. */
export function apiRoute<P = Record<string, string>>(handler: Handler<P>) {
  return async (req: Request, context: { params: Promise<P> }) => {
    const check = await authenticateBearer(req.headers.get('authorization'));
    if ('refused' in check) return errorResponse({ code: 'unauthenticated', message: check.refused });
    // A read token may GET and nothing else, not even the POSTs that only test or preview: one rule, easy to check.
    if (check.actor.scope === 'read' && req.method !== 'GET') return errorResponse({ code: 'forbidden', message: READ_ONLY_TOKEN });
    const requestId = req.headers.get('x-request-id') || randomUUID();
    return withLogContext({ requestId, actor: check.actor.email, via: 'api' }, async () => {
      try {
        return await handler({ req, actor: check.actor, params: await context.params });
      } catch (err) {
        return errorResponse(toFailure(err, `${req.method} ${new URL(req.url).pathname}`));
      }
    });
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
