import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { routers, type Platform, type Router } from '@/db/schema';
import { findRouterForConnection } from '@/db/queries/routers';
import type { Actor } from '@/lib/auth/actor';
import { mutation, validationFailure } from '@/lib/auth/mutation';
import { can } from '@/lib/auth/permissions';
import { connectRouter, controlCommandOf, RouterConnectionError, type RouterConnection } from '@/lib/config/transport';
import type { Result } from '@/lib/errors';
import { contactResultText, type ContactOutcome } from './contact';
import { routerIdInput } from './schemas';

const TEST_TIMEOUT_MS = 10_000;

function versionCommand(router: Pick<Router, 'platform' | 'controlCommand'>) {
  const control = controlCommandOf(router);
  if (router.platform === 'frr') return `${control} -c 'show version'`;
  if (router.platform === 'bird') return `${control} show status`;
  return control ? `${control} show version` : 'show version';
}

const versionPatterns: Partial<Record<Platform, RegExp>> = { frr: /^FRRouting\b/, bird: /^BIRD \d/ };

/** The line that names the software and its version; BIRD's greeting ends in "ready.", which says nothing here. */
function versionLine(platform: Platform, stdout: string): string | undefined {
  const lines = stdout.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const pattern = versionPatterns[platform] ?? /version/i;
  return (lines.find((l) => pattern.test(l)) ?? lines[0])?.replace(/\s+ready\.$/, '');
}

const firstLine = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).find(Boolean);

/** Connects, runs the platform's version command, and says what came back or exactly what failed. */
async function probeRouter(router: Router): Promise<ContactOutcome> {
  const started = performance.now();
  let connection: RouterConnection | undefined;
  try {
    connection = await connectRouter(router, { timeoutMs: TEST_TIMEOUT_MS });
    const connected = performance.now();
    const command = versionCommand(router);
    const result = await connection.run(command);
    const timing = { connectMs: Math.round(connected - started), commandMs: Math.round(performance.now() - connected) };
    if (result.code !== 0) {
      const why = firstLine(result.stderr) ?? firstLine(result.stdout) ?? 'no output';
      return { ok: false, kind: 'command', message: `"${command}" failed with exit code ${result.code}: ${why}`, ...timing };
    }
    const line = versionLine(router.platform, result.stdout);
    if (!line) return { ok: false, kind: 'command', message: `"${command}" printed nothing`, ...timing };
    return { ok: true, message: line, ...timing };
  } catch (err) {
    if (err instanceof RouterConnectionError) return { ok: false, kind: err.kind, message: err.message };
    throw err;
  } finally {
    await connection?.close();
  }
}

const recordContact = mutation({
  action: 'router.test',
  permission: 'routers.manage',
  input: routerIdInput.extend({ outcome: z.custom<ContactOutcome>() }),
  async run({ tx, input, audit }) {
    await tx.update(routers).set({ lastContactAt: new Date(), lastContactResult: contactResultText(input.outcome) }).where(eq(routers.id, input.id));
    const { ok, kind, message } = input.outcome;
    audit({ target: `router:${input.id}`, details: { ok, kind, message } });
    return input.outcome;
  },
});

/**
 * Test connection. The network work happens between two steps rather than inside mutation()'s
 * transaction: an open transaction would stall the embedded database for the whole timeout, and
 * the host key the transport pins must be kept even when the test fails.
 */
export const testRouterConnection = Object.assign(
  async (actor: Actor | null, raw: unknown): Promise<Result<ContactOutcome>> => {
    // Refusals are the wrapper's to answer and to record in the audit log.
    if (!actor || !can(actor.role, recordContact.permission)) return recordContact(actor, raw);
    const parsed = routerIdInput.safeParse(raw);
    if (!parsed.success) return { ok: false, error: validationFailure(parsed.error) };
    const router = await findRouterForConnection(db(), parsed.data.id);
    if (!router) return { ok: false, error: { code: 'not_found', message: 'Router not found' } };
    return recordContact(actor, { id: router.id, outcome: await probeRouter(router) });
  },
  { action: recordContact.action, permission: recordContact.permission, input: routerIdInput },
);
