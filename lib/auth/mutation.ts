import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { db, type Tx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { ServiceError, type Result, type ServiceFailure } from '@/lib/errors';
import type { Actor } from './actor';
import { can, type Permission } from './permissions';

type AuditRecord = { target?: string; details?: Record<string, unknown> };
type Context<I> = { tx: Tx; actor: Actor; input: I; audit: (record: AuditRecord) => void };

export type Mutation<S extends z.ZodType, T> = ((actor: Actor | null, raw: unknown) => Promise<Result<T>>) & {
  action: string;
  permission: Permission;
  input: S;
};

/**
 * The one door every change goes through: parse with zod -> check the permission -> run in one
 * transaction -> write the audit log in that same transaction -> a typed result with field errors.
 */
export function mutation<S extends z.ZodType, T>(def: {
  action: string;
  permission: Permission;
  input: S;
  run: (ctx: Context<z.output<S>>) => Promise<T>;
}): Mutation<S, T> {
  const run = async (actor: Actor | null, raw: unknown): Promise<Result<T>> => {
    if (!actor) return failure({ code: 'unauthenticated', message: 'Sign in first' });
    if (!can(actor.role, def.permission)) {
      await recordRefusal(actor, def.action);
      return failure({ code: 'forbidden', message: `Your role (${actor.role}) may not do this (${def.permission})` });
    }
    const parsed = def.input.safeParse(raw);
    if (!parsed.success) return failure(validationFailure(parsed.error));
    try {
      const data = await db().transaction(async (tx) => {
        const records: AuditRecord[] = [];
        const result = await def.run({ tx, actor, input: parsed.data, audit: (r) => records.push(r) });
        const entries = records.length ? records : [{}];
        await tx.insert(auditLog).values(entries.map((r) => auditRow(actor, def.action, r)));
        return result;
      });
      return { ok: true, data };
    } catch (err) {
      return failure(toFailure(err, def.action));
    }
  };
  return Object.assign(run, { action: def.action, permission: def.permission, input: def.input });
}

const failure = (error: ServiceFailure): { ok: false; error: ServiceFailure } => ({ ok: false, error });

function auditRow(actor: Actor, action: string, r: AuditRecord) {
  return { actorId: actor.id, actorLabel: actor.email, via: actor.via, action, target: r.target, details: r.details };
}

async function recordRefusal(actor: Actor, action: string) {
  await db()
    .insert(auditLog)
    .values({ ...auditRow(actor, action, { details: { refused: 'forbidden' } }), succeeded: false });
}

export function validationFailure(error: z.ZodError): ServiceFailure {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  return { code: 'validation', message: first ? `${first[0] === '_' ? '' : `${first[0]}: `}${first[1]}` : 'Invalid input', fields };
}

function pgCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

export function toFailure(err: unknown, action: string): ServiceFailure {
  if (err instanceof ServiceError) return { code: err.code, message: err.message, fields: err.fields };
  if (pgCode(err) === '23505') return { code: 'conflict', message: 'That already exists' };
  const errorId = randomUUID().slice(0, 8);
  console.error(`[${errorId}] ${action} failed:`, err);
  return { code: 'internal', message: `Something went wrong (${errorId})`, errorId };
}
