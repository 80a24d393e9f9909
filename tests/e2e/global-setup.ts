import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPeeringDbTestServer } from '../../tools/peeringdb-test-server/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    adminPassword: string;
    peeringDbUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
export const admin = { email: 'admin@e2e.test', password: 'e2e-admin-password' };

/** A production build served by `npm start` on a fresh embedded database, as a user would run it. */
export default async function setup(project: TestProject) {
  const peeringDb = await startPeeringDbTestServer({ seed: 1, scale: 0.02 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerdesk-e2e-'));
  const port = String(3300 + Math.floor(Math.random() * 500));
  const log = fs.openSync(path.join(dataDir, 'server.log'), 'w');
  const server = spawn('node', ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', PORT: port, PGLITE_DIR: path.join(dataDir, 'pglite'), ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
    stdio: ['ignore', log, log],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited: ${fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8')}`);
    const ready = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error('server did not start within 240 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminEmail', admin.email);
  project.provide('adminPassword', admin.password);
  project.provide('peeringDbUrl', peeringDb.url);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    // A clean shutdown closes the embedded database and releases its lock.
    if (fs.existsSync(path.join(dataDir, 'pglite.lock'))) throw new Error('the server left the embedded database locked after SIGTERM');
    await peeringDb.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
