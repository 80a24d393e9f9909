import type { Client, ClientChannel } from 'ssh2';
import { DEFAULT_PROMPT, RouterConnectionError, seconds, type ShellOptions, type ShellSession } from './types';

const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r/g;

/**
 * An interactive CLI over the SSH shell channel: waits for the first prompt, then sends one
 * line at a time and waits for the next prompt (or `expect`), each within `timeoutMs`.
 */
export async function openShell(client: Client, name: string, timeoutMs: number, opts: ShellOptions = {}): Promise<ShellSession> {
  const prompt = opts.prompt ?? DEFAULT_PROMPT;
  const channel = await new Promise<ClientChannel>((resolve, reject) =>
    client.shell({ term: 'vt100', cols: 512, rows: 24 }, (err, ch) => (err ? reject(new RouterConnectionError('command', `${name} offers no interactive shell: ${err.message}`)) : resolve(ch))),
  );
  let all = '';
  let pending = '';
  let waiter: { expect: RegExp; resolve: (text: string) => void; reject: (err: Error) => void; timer: NodeJS.Timeout } | undefined;
  let closed = false;

  const check = () => {
    if (!waiter) return;
    if (waiter.expect.test(pending)) {
      const w = waiter;
      waiter = undefined;
      clearTimeout(w.timer);
      const text = pending;
      pending = '';
      w.resolve(text);
    }
  };
  channel.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8').replace(ESCAPES, '');
    all += text;
    pending += text;
    check();
  });
  channel.stderr.on('data', (chunk: Buffer) => {
    all += chunk.toString('utf8');
    pending += chunk.toString('utf8');
  });
  channel.on('close', () => {
    closed = true;
    if (waiter) {
      const w = waiter;
      waiter = undefined;
      clearTimeout(w.timer);
      w.reject(new RouterConnectionError('command', `${name} closed the CLI session. Last output: ${pending.trim().slice(-500) || '(none)'}`));
    }
  });

  const waitFor = (expect: RegExp, what: string) =>
    new Promise<string>((resolve, reject) => {
      if (closed) return reject(new RouterConnectionError('command', `${name} closed the CLI session.`));
      const timer = setTimeout(() => {
        waiter = undefined;
        channel.close();
        reject(new RouterConnectionError('timeout', `${name} did not answer ${what} within ${seconds(timeoutMs)}.`));
      }, timeoutMs);
      waiter = { expect, resolve, reject, timer };
      check();
    });

  await waitFor(prompt, 'with a prompt after login');

  return {
    async send(line, sendOpts = {}) {
      const answer = waitFor(sendOpts.expect ?? prompt, `"${line.replace(/[\x00-\x1f]/g, (c) => `^${String.fromCharCode(c.charCodeAt(0) + 64)}`).slice(0, 80)}"`);
      channel.write(sendOpts.raw ? line : `${line}\n`);
      const text = await answer;
      return stripEchoAndPrompt(text, line, sendOpts.expect ? null : prompt);
    },
    transcript: () => all,
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        const timer = setTimeout(resolve, 1_000);
        channel.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        channel.end();
      }),
  };
}

function stripEchoAndPrompt(text: string, line: string, prompt: RegExp | null): string {
  const lines = text.split('\n');
  if (lines.length && lines[0].trim() === line.trim()) lines.shift();
  if (prompt && lines.length) lines.pop();
  return lines.join('\n').trim();
}
