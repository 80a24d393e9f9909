import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { db, type Tx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { TemplateError } from '@/lib/templates/template-error';
import { RouterConnectionError } from '@/lib/config/transport/types';
import { ServiceError, type Result, type ServiceFailure } from '@/lib/errors';
import { withLogContext } from '@/lib/log/context';
import { kickScheduler } from '@/lib/jobs/scheduler';
import { logger } from '@/lib/log/logger';
import { MailSendError } from '@/lib/mail/send-error';
import type { Actor } from './actor';
import { can, type Permission } from './permissions';

type AuditRecord = { target?: string; details?: Record<string, unknown> };
type Context<I, P> = { tx: Tx; actor: Actor; input: I; prepared: P; audit: (record: AuditRecord) => void };
type Gate = { action: string; permission: Permission; notVia?: Partial<Record<Actor['via'], string>> };

export type Mutation<S extends z.ZodType, T> = ((actor: Actor | null, raw: unknown) => Promise<Result<T>>) & {
  action: string;
  permission: Permission;
  input: S;
};

/** A read goes through the same door as a change, without the transaction and the audit row. */
export type Query<S extends z.ZodType, T> = Mutation<S, T>;

/**
 * The one door every change goes through: parse with zod -> check the permission -> prepare (optional:
 * network, SMTP, rendering, outside any transaction) -> run in one transaction -> write the audit log in
 * that same transaction -> a typed result with field errors. A prepare that throws writes nothing.
 */
export function mutation<S extends z.ZodType, T, P = undefined>(def: Gate & {
  input: S;
  /**
   * The command queues jobs: once committed, this instance's scheduler is woken so a job due now runs now
   * rather than at the next tick (a job for later is left alone by that tick).
   */
  queuesJobs?: boolean;
  /** Slow I/O that must not hold a transaction open; what it returns reaches `run` as `prepared`. */
  prepare?: (ctx: { actor: Actor; input: z.output<S> }) => Promise<P>;
  run: (ctx: Context<z.output<S>, P>) => Promise<T>;
}): Mutation<S, T> {
  const run = async (actor: Actor | null, raw: unknown): Promise<Result<T>> => {
    const refused = await gate(actor, def, true);
    if (refused) return refused;
    const parsed = def.input.safeParse(raw);
    if (!parsed.success) return failure(validationFailure(parsed.error));
    try {
      const prepared = (def.prepare ? await def.prepare({ actor: actor!, input: parsed.data }) : undefined) as P;
      const data = await db().transaction(async (tx) => {
        const records: AuditRecord[] = [];
        const result = await def.run({ tx, actor: actor!, input: parsed.data, prepared, audit: (r) => records.push(r) });
        const entries = records.length ? records : [{}];
        await tx.insert(auditLog).values(entries.map((r) => auditRow(actor!, def.action, r)));
        return result;
      });
      if (def.queuesJobs) kickScheduler();
      return { ok: true, data };
    } catch (err) {
      return withLogContext({ actor: actor!.email, via: actor!.via }, () => failure(toFailure(err, def.action)));
    }
  };
  return Object.assign(run, { action: def.action, permission: def.permission, input: def.input });
}

/**
 * The read form of the door: parse with zod -> check the permission -> run -> the same typed result.
 * No transaction and no audit row (reads are not logged), but a refusal is, as for a change: a role
 * probing what it may not see shows up in the audit log. A read-only API token may read.
 */
export function query<S extends z.ZodType, T>(def: Omit<Gate, 'action'> & {
  name: string;
  input: S;
  run: (ctx: { actor: Actor; input: z.output<S> }) => Promise<T>;
}): Query<S, T> {
  const gated = { action: def.name, permission: def.permission, notVia: def.notVia };
  const run = async (actor: Actor | null, raw: unknown): Promise<Result<T>> => {
    const refused = await gate(actor, gated, false);
    if (refused) return refused;
    const parsed = def.input.safeParse(raw);
    if (!parsed.success) return failure(validationFailure(parsed.error));
    try {
      return { ok: true, data: await def.run({ actor: actor!, input: parsed.data }) };
    } catch (err) {
      return withLogContext({ actor: actor!.email, via: actor!.via }, () => failure(toFailure(err, def.name)));
    }
  };
  return Object.assign(run, { action: def.name, permission: def.permission, input: def.input });
}

/**
 * The door of a change, checked on its own: for a command that runs several changes in turn (an import,
 * then a push), so a refusal comes first and is recorded once, exactly as the change itself would.
 */
export function refusal(actor: Actor | null, change: Pick<Mutation<z.ZodType, unknown>, 'action' | 'permission'>) {
  return gate(actor, { action: change.action, permission: change.permission }, true);
}

/** Who may pass: signed in, the role's permission, a door the command accepts, and (for changes) a token that may write. */
async function gate(actor: Actor | null, def: Gate, writes: boolean): Promise<{ ok: false; error: ServiceFailure } | null> {
  if (!actor) return failure({ code: 'unauthenticated', message: 'Sign in first' });
  if (!can(actor.role, def.permission)) {
    await recordRefusal(actor, def.action);
    return failure({ code: 'forbidden', message: `Your role (${actor.role}) may not do this (${def.permission})` });
  }
  const refusal = def.notVia?.[actor.via] ?? (writes && actor.scope === 'read' ? READ_ONLY_TOKEN : undefined);
  if (refusal) {
    await recordRefusal(actor, def.action);
    return failure({ code: 'forbidden', message: refusal });
  }
  return null;
}

export const READ_ONLY_TOKEN = 'This API token is read-only (scope read): it may not change anything';

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
  if (err instanceof ServiceError) return { code: err.code, message: err.message, fields: err.fields, ...(err.at && { at: err.at }) };
  // The domain's own errors say what went wrong in words the user can act on: no error id needed.
  if (err instanceof RouterConnectionError) return { code: 'unavailable', message: err.message };
  if (err instanceof MailSendError) return { code: 'unavailable', message: `The e-mail was not sent: ${err.message}` };
  if (err instanceof TemplateError) return { code: 'validation', message: err.described, ...(err.line !== null && { at: { line: err.line, column: err.column ?? 1 } }) };
  if (pgCode(err) === '23505') return { code: 'conflict', message: 'That already exists' };
  const errorId = randomUUID().slice(0, 8);
  logger().error({ err, errorId, action }, `${action} failed`);
  return { code: 'internal', message: `Something went wrong (${errorId})`, errorId };
}
