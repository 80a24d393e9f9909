// One-shot seeding step of `npm run demo`: migrate, the demo admin, a PeeringDB sync from the bundled
// test server, then the demo rows. Runs in its own process and exits, so the server can open the
// embedded database afterwards (PGlite: one process per directory).
import { closeDatabase, connection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { syncPeeringDb } from '@/lib/peeringdb/sync';
import { peeringDbSettings } from '@/lib/settings/service';
import { ensureFirstAdmin } from '@/lib/server/first-admin';
import { labRoutersFromEnv, seedDemo } from './demo';

async function main() {
  const conn = connection();
  await migrateDatabase(conn);
  await ensureFirstAdmin(conn.db, () => undefined);
  const pdb = await peeringDbSettings();
  const started = Date.now();
  const results = await syncPeeringDb({ client: { url: pdb.url, apiKey: pdb.apiKey } });
  const rows = results.reduce((sum, r) => sum + r.upserted, 0);
  console.log(`demo: PeeringDB synced from ${pdb.url} (${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const summary = await seedDemo(conn.db, { labRouters: labRoutersFromEnv() });
  const list = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`demo: AS65001 at ${summary.exchanges.map((x) => x.name).join(', ')}`);
  console.log(`demo: routers ${summary.routers.map((r) => `${r.name} (${r.transport})`).join(', ')}; ${summary.peerGroups} peer groups`);
  console.log(`demo: sessions ${list(summary.sessions)}`);
  console.log(`demo: peers ${list(summary.peers)}; ${summary.emails} emails`);
}

main()
  .then(() => closeDatabase())
  .catch(async (err: unknown) => {
    console.error(`demo seed failed: ${err instanceof Error ? err.message : String(err)}`);
    await closeDatabase().catch(() => undefined);
    process.exit(1);
  });
