import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { RouterConnectionError, seconds, type CommandResult, type RouterConnection } from './types';

/** Commands and files on the Peerdesk host itself, for routing daemons running beside it. */
export function connectLocal(name: string, timeoutMs: number): RouterConnection {
  return {
    run: (command, stdin) => runLocal(command, stdin, timeoutMs, name),
    readFile: async (path) => {
      try {
        return await fs.readFile(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new RouterConnectionError('command', `Could not read ${path} for ${name}: ${(err as Error).message}`);
      }
    },
    writeFile: async (path, content) => {
      try {
        await fs.writeFile(path, content);
      } catch (err) {
        throw new RouterConnectionError('command', `Could not write ${path} for ${name}: ${(err as Error).message}`);
      }
    },
    close: async () => {},
  };
}

function runLocal(command: string, stdin: string | undefined, timeoutMs: number, name: string) {
  return new Promise<CommandResult>((resolve, reject) => {
    // Its own process group, so a timeout stops the whole pipeline, not just the shell.
    const child = spawn('/bin/sh', ['-c', command], { stdio: 'pipe', detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      reject(new RouterConnectionError('timeout', `"${command}" did not finish for ${name} within ${seconds(timeoutMs)}.`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new RouterConnectionError('command', `Could not run "${command}" for ${name}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), code: code ?? (signal ? 128 : -1) });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(stdin);
  });
}
