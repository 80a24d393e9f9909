import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export type Worker = { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null>; output: () => string; go: () => void };

/** Starts tests/support/job-worker.ts as its own Node process on the given database. */
export function startWorker(databaseUrl: string, env: Record<string, string> = {}): Worker {
  // node itself rather than npx: the pid is the worker's, so a test can kill -9 the runner and not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/job-worker.ts'], {
    cwd: root,
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, PGLITE_DIR: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => output.includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, exited, output: () => output, go: () => child.stdin!.write('go\n') };
}
