'use server';

import { currentActor } from '@/lib/auth';
import { toFailure, validationFailure } from '@/lib/auth/mutation';
import { can } from '@/lib/auth/permissions';
import { runningDiff } from '@/lib/config/preview';
import { configureSessionInput } from '@/lib/config/schemas';
import type { Result } from '@/lib/errors';
import { RouterConnectionError } from '@/lib/config/transport';

const input = configureSessionInput.pick({ sessionId: true, config: true });

/** Connects to the router: only on the button, never on page load, and only for those who may configure. */
export async function loadRunningDiffAction(raw: unknown): Promise<Result<{ running: string; diff: string }>> {
  const actor = await currentActor();
  if (!actor) return { ok: false, error: { code: 'unauthenticated', message: 'Sign in first' } };
  if (!can(actor.role, 'sessions.configure')) return { ok: false, error: { code: 'forbidden', message: `Your role (${actor.role}) may not do this (sessions.configure)` } };
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: validationFailure(parsed.error) };
  try {
    return { ok: true, data: await runningDiff(parsed.data.sessionId, parsed.data.config) };
  } catch (err) {
    if (err instanceof RouterConnectionError) return { ok: false, error: { code: 'unavailable', message: err.message } };
    return { ok: false, error: toFailure(err, 'session.running_diff') };
  }
}
