import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { peerNotes } from '@/db/schema';

// A PRIVATE PostgreSQL (its own data dir and port), restarted while the app's pool is busy.
const BIN = '/usr/lib/postgresql/15/bin';
// Its own port, picked at random, so a server left behind by an interrupted run does not block the next.
const PORT = 5450 + Math.floor(Math.random() * 100);
const enabled = !!process.env.TEST_DATABASE_URL && fs.existsSync(`${BIN}/pg_ctl`);

let dir = '';
const asPostgres = (command: string) => execFileSync('su', ['postgres', '-c', command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const pgCtl = (args: string) => asPostgres(`${BIN}/pg_ctl -D ${dir}/data -l ${dir}/log -w ${args}`);

describe.skipIf(!enabled)('PostgreSQL restarted under load', () => {
  let conn: ReturnType<typeof connect>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerdesk-pg-restart-'));
    fs.chmodSync(dir, 0o777);
    asPostgres(`${BIN}/initdb -A trust -U postgres -D ${dir}/data`);
    pgCtl(`-o "-p ${PORT} -k ${dir} -c listen_addresses=127.0.0.1" start`);
    const url = `postgres://postgres@127.0.0.1:${PORT}/postgres`;
    conn = connect({ databaseUrl: url });
    await migrateDatabase(conn, url);
  });

  afterAll(async () => {
    // The server goes first: a pool connection left waiting on the restarted server then fails at once,
    // and closing the pool cannot wait on it (that wait once outlasted the hook's two minutes).
    if (dir) {
      try {
        pgCtl('-m immediate stop');
      } catch {
        // already stopped
      }
    }
    await Promise.race([conn?.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('queries fail with a clear error while it restarts, then succeed again on the same pool; no transaction is half-written', async () => {
    const db = conn.db;
    const errors: string[] = [];
    let ok = 0;
    let batch = 0;
    const committed: number[] = [];
    let running = true;
    // Each batch writes 20 notes in one transaction, a second apart from the next; a batch is either all there or absent.
    const load = (async () => {
      while (running) {
        const id = ++batch;
        try {
          await db.transaction(async (tx) => {
            for (let i = 0; i < 20; i++) await tx.insert(peerNotes).values({ peerAsn: 64500, kind: 'comment', comment: `batch ${id} row ${i}` });
          });
          committed.push(id);
          await db.execute(sql`select count(*) from peer_notes`);
          ok++;
        } catch (err) {
          // Drizzle says which statement failed; the driver's reason is the cause.
          const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : '';
          errors.push(`${err instanceof Error ? err.message : String(err)} ${cause}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    await new Promise((r) => setTimeout(r, 1000));
    const before = ok;
    expect(before).toBeGreaterThan(0);
    // Asynchronously, so the load keeps running (and failing) while the server is down.
    await promisify(execFile)('su', ['postgres', '-c', `${BIN}/pg_ctl -D ${dir}/data -l ${dir}/log -w -m fast restart`]);
    await new Promise((r) => setTimeout(r, 1500));
    running = false;
    await load;

    console.log(`restart under load: ${ok} batches ok, ${errors.length} failed: ${[...new Set(errors.map((e) => e.replace(/batch \d+ row \d+|\d+/g, 'N')))].join(' | ')}`);
    // The restart was seen, as connection errors with a message that says so.
    expect(errors.length).toBeGreaterThan(0);
    for (const message of errors) {
      expect(message).toMatch(/terminat|connect|ECONNREFUSED|ECONNRESET|shutting down|starting up|Connection|closed/i);
    }
    // The same pool serves again without restarting the app.
    expect(ok).toBeGreaterThan(before);
    const after = await db.execute(sql`select 1 as one`);
    expect((after as unknown as { rows: { one: number }[] }).rows[0].one).toBe(1);

    // Every batch is whole or absent; every batch we saw commit is there.
    const counts = (await db.execute(sql`select comment from peer_notes`)) as unknown as { rows: { comment: string }[] };
    const perBatch = new Map<number, number>();
    for (const { comment } of counts.rows) {
      const id = Number(/batch (\d+)/.exec(comment)![1]);
      perBatch.set(id, (perBatch.get(id) ?? 0) + 1);
    }
    for (const [id, n] of perBatch) expect(n, `batch ${id}`).toBe(20);
    for (const id of committed) expect(perBatch.get(id), `committed batch ${id}`).toBe(20);
  });
});
