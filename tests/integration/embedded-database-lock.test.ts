import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));

const envFor = (dir: string) => ({ ...process.env, DATABASE_URL: '', PGLITE_DIR: dir });

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function runCli(dir: string, args: string[]) {
  return spawnSync(tsx, ['cli/index.ts', ...args], { cwd: root, env: envFor(dir), encoding: 'utf8', timeout: 60_000 });
}

describe('the embedded database is one process at a time', () => {
  it('a CLI command fails at once, naming the process that holds the directory', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peerdesk-lock-')), 'pglite');
    const holder = spawn(tsx, ['-e', "import('./db/client').then(m => { m.connection(); console.log('holding pid', process.pid); setInterval(() => {}, 1000); })"], {
      cwd: root,
      env: envFor(dir),
    });
    children.push(holder);
    const holderPid = await new Promise<string>((resolve, reject) => {
      holder.stdout!.on('data', (d: Buffer) => {
        const pid = d.toString().match(/holding pid (\d+)/)?.[1];
        if (pid) resolve(pid);
      });
      holder.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
    });

    const refused = runCli(dir, ['user', 'create', '--email', 'x@example.test', '--role', 'viewer']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`is in use by process ${holderPid}`);

    // Killed without a chance to clean up: the lock file stays behind and must be taken over.
    process.kill(Number(holderPid), 'SIGKILL');
    while (isAlive(Number(holderPid))) await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(`${dir}.lock`)).toBe(true);
    const after = runCli(dir, ['user', 'create', '--email', 'x@example.test', '--role', 'viewer', '--password', 'long-enough-pw']);
    expect(after.stderr).not.toContain('in use');
    expect(after.stdout).toContain('Created viewer x@example.test');
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
