import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { routers, type Platform, type Router } from '@/db/schema';
import { findRouterForConnection } from '@/db/queries/routers';
import { mutation } from '@/lib/auth/mutation';
import { can } from '@/lib/auth/permissions';
import { connectRouter, controlCommandOf, RouterConnectionError, type RouterConnection } from '@/lib/config/transport';
import { notFound } from '@/lib/errors';
import { contactResultText, type ContactOutcome } from './contact';
import { routerIdInput } from './schemas';

const TEST_TIMEOUT_MS = 10_000;

function versionCommand(router: Router) {
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

/**
 * Below routers.trust, a failure to reach or log in to the host is one sentence: refused, timed
 * out, host key or password refused would make Test a port scanner for any address an Operator
 * types. The router's own settings (nothing tried yet) and a command's output after login stay.
 */
function withoutNetworkDetail(outcome: ContactOutcome, router: Router): ContactOutcome {
  if (outcome.ok || outcome.kind === 'settings' || outcome.kind === 'command') return outcome;
  return { ok: false, message: `Could not connect to ${router.name}` };
}

/**
 * Test connection. The network work is the prepare step rather than inside the transaction: an open
 * transaction would stall the embedded database for the whole timeout, and the host key the transport
 * pins must be kept even when the test fails.
 */
export const testRouterConnection = mutation({
  action: 'router.test',
  permission: 'routers.manage',
  input: routerIdInput,
  async prepare({ actor, input }) {
    const router = await findRouterForConnection(db(), input.id);
    if (!router) throw notFound('Router');
    const seen = await probeRouter(router);
    return { seen, outcome: can(actor.role, 'routers.trust') ? seen : withoutNetworkDetail(seen, router) };
  },
  async run({ tx, input, prepared: { seen, outcome }, audit }) {
    await tx.update(routers)
      .set({ lastContactAt: new Date(), lastContactResult: contactResultText(outcome) })
      .where(eq(routers.id, input.id));
    // The audit log, which only Admins read, keeps what was seen.
    const { ok, kind, message } = seen;
    audit({ target: `router:${input.id}`, details: { ok, kind, message } });
    return outcome;
  },
});
