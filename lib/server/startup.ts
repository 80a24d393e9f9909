import { closeDatabase, connection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { serverSecrets } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { tick } from '@/lib/jobs/runner';
import { startScheduler, stopScheduler } from '@/lib/jobs/scheduler';
import { startMailWatcher, stopMailWatcher } from '@/lib/mail/watch';
import { ensureFirstAdmin } from './first-admin';

/** Everything the server does once at start: secrets, migrations, the first admin, clean shutdown. */
export async function startServer() {
  try {
    serverSecrets();
    await migrateDatabase(connection());
    await ensureFirstAdmin(connection().db);
  } catch (err) {
    logger().fatal({ err }, `Peerdesk cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const conn = connection();
  startScheduler(tick);
  startMailWatcher();
  const port = process.env.PORT ?? '3000';
  logger().info({ port: Number(port), database: conn.kind }, `Peerdesk is ready on http://localhost:${port}/login (${conn.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'})`);
  const stop = async () => {
    stopScheduler();
    await stopMailWatcher().catch(() => undefined);
    await closeDatabase().catch((err) => logger().error({ err }, 'closing the database failed'));
    process.exit(0);
  };
  // next start leaves signals to us when NEXT_MANUAL_SIG_HANDLE is set (scripts/start.mjs sets it).
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  }
}
