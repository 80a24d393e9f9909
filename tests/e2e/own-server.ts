import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
export const ownAdmin = { email: 'admin@fresh.e2e.test', password: 'fresh-install-password' };

/**
 * A server of this file's own on an empty embedded database, for journeys that start from a fresh
 * install whatever the other files did to the shared one. `next start` on the global setup's build
 * (scripts/start.mjs would rebuild when a source is newer, racing the shared server's build).
 */
export function useOwnServer() {
  const server = { url: '' };
  let dataDir = '';
  let child: ReturnType<typeof spawn> | undefined;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerdesk-e2e-own-'));
    const port = 3900 + Math.floor(Math.random() * 200);
    const log = path.join(dataDir, 'server.log');
    child = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(port)], {
      cwd: root,
      env: {
        ...process.env, DATABASE_URL: '', PORT: String(port), PGLITE_DIR: path.join(dataDir, 'pglite'),
        ADMIN_EMAIL: ownAdmin.email, ADMIN_PASSWORD: ownAdmin.password, AUTH_TRUST_HOST: 'true', NEXT_MANUAL_SIG_HANDLE: '1',
      },
      stdio: ['ignore', fs.openSync(log, 'w'), fs.openSync(log, 'a')],
    });
    const url = `http://127.0.0.1:${port}`;
    // /readyz: database, migrations and the scheduler, as a load balancer would wait for it.
    for (const deadline = Date.now() + 120_000; !(await fetch(`${url}/readyz`).then((r) => r.ok, () => false)); ) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`own server did not get ready: ${fs.readFileSync(log, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    server.url = url;
  }, 180_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return server;
}
