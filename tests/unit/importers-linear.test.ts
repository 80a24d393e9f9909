import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// Well under the request time limit; a pattern that backtracks takes hours on these inputs, not seconds.
const LIMIT_MS = 5_000;

/** Parses one adversarial input in its own process (tests/support/timed-parse.ts); kills it when it runs away. */
function timedParse(...args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/timed-parse.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    // Loading the modules and building 20 MB take their own time; only the parse is measured.
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS + 15_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal) return reject(new Error(`the parse of ${args.join(' ')} was still running after ${LIMIT_MS + 15_000} ms`));
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`timed-parse ${args.join(' ')} failed (${code}):\n${output}`));
      resolve((JSON.parse(line) as { elapsed: number }).elapsed);
    });
  });
}

describe('parsing takes time in proportion to the input, whatever the input', () => {
  const importers: [string, string][] = [
    ['config', 'iosxr'],
    ['config', 'junos'],
    ['config', 'eos'],
    ['config', 'frr'],
    ['config', 'ios'],
    ['config', 'bird'],
    ['bird-protocols', 'bird'],
  ];
  for (const [kind, platform] of importers) {
    it(`the ${platform}${kind === 'bird-protocols' ? ' protocol list' : ''} importer reads 20 MB of adversarial text in under ${LIMIT_MS / 1000} s`, async () => {
      expect(await timedParse(kind, platform)).toBeLessThan(LIMIT_MS);
    }, 60_000);
  }

  it(`the mail parser reads a message with a 1 MB From header in under ${LIMIT_MS / 1000} s`, async () => {
    expect(await timedParse('mail')).toBeLessThan(LIMIT_MS);
  }, 60_000);
});
