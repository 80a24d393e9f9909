import type { RouterConnectionErrorKind } from '@/lib/config/transport/types';

/** What Test connection found: the version line, or the failure in words, and how long each step took. */
export type ContactOutcome = {
  ok: boolean;
  message: string;
  kind?: RouterConnectionErrorKind;
  connectMs?: number;
  commandMs?: number;
};

export type ContactStatus = 'ok' | 'failed' | 'never';

/**
 * routers.last_contact_result holds "ok: <version line>" or "failed: <reason>"; the prefix is the
 * status.
 */
export const contactResultText = (outcome: ContactOutcome) => `${outcome.ok ? 'ok' : 'failed'}: ${outcome.message}`;

export function contactStatusOf(router: { lastContactAt: Date | null; lastContactResult: string | null }): ContactStatus {
  if (!router.lastContactAt || !router.lastContactResult) return 'never';
  return router.lastContactResult.startsWith('ok: ') ? 'ok' : 'failed';
}

export const contactMessageOf = (result: string | null) => result?.replace(/^(ok|failed): /, '') ?? null;
