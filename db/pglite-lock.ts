import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite silently loses data when two processes open one directory, so the directory is
 * guarded by "<dir>.lock" holding the owner's pid and command line. A second process fails
 * at once saying who holds it; a lock left by a dead process is taken over.
 */
type LockInfo = { pid: number; command: string; startedAt: string };

class DatabaseLockedError extends Error {}

const held = new Set<string>();

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

export function lockDirectory(dir: string) {
  const file = `${path.resolve(/* turbopackIgnore: true */ dir)}.lock`;
  if (held.has(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine: LockInfo = { pid: process.pid, command: process.argv.join(' '), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      if (!held.size) process.once('exit', releaseAll);
      held.add(file);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readLock(file);
      if (owner && owner.pid !== process.pid && alive(owner.pid)) {
        throw new DatabaseLockedError(
          `The embedded database ${path.resolve(/* turbopackIgnore: true */ dir)} is in use by process ${owner.pid} (${owner.command}), ` +
            `started ${owner.startedAt}. Stop that process first, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DatabaseLockedError(`Could not lock the embedded database ${path.resolve(/* turbopackIgnore: true */ dir)}: another process raced for it.`);
}

export function unlockDirectory(dir: string) {
  release(`${path.resolve(/* turbopackIgnore: true */ dir)}.lock`);
}

function release(file: string) {
  if (!held.delete(file)) return;
  if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}

function releaseAll() {
  for (const file of [...held]) release(file);
}
