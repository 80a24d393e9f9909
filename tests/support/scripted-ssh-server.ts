import { Server, type Connection, type ParsedKey } from 'ssh2';
import { sshKeyPair } from './ssh-keys';
import { fingerprintOf } from '@/lib/config/transport/host-key';

/**
 * A real SSH server on 127.0.0.1 that plays a router's CLI from a script.
 *
 * Options:
 * - `username` / `password`: the only credentials accepted (password auth).
 * - `prompt`: printed after login and after every answer, e.g. `user@r1> ` (Junos) or
 *   `r1#` (IOS); a function gets the server's current `mode` (set by the script).
 * - `script(command, session)`: the answer to one line received on a shell channel (or one
 *   exec command). Return a string (printed, then the prompt), or a Reply:
 *   `{ output?, prompt?: false }` to print without a prompt (e.g. Junos `load set terminal`),
 *   `{ hang: true }` to swallow the line and never answer (timeouts),
 *   `{ drop: true }` to drop the whole connection on receiving the line (a device that goes away),
 *   `{ mode }` to switch the session's mode (shown to `prompt`).
 *   Unscripted lines answer ''.
 *   A Ctrl-D (0x04) on its own arrives as the command `^D`.
 * - `hangAfterLogin`: accept the login, then never print a prompt.
 *
 * `commands` records every line/command in the order received, across all connections;
 * `connections` counts logins; `passwordsTried` every password a client offered, right or wrong. The device echoes what it receives, as
 * real CLIs do.
 */
export type ScriptReply = string | { output?: string; prompt?: boolean; hang?: boolean; drop?: boolean; mode?: string };
export type ScriptSession = { mode: string; commands: string[] };
export type ScriptedSshOptions = {
  username?: string;
  password?: string;
  prompt: string | ((mode: string) => string);
  script?: (command: string, session: ScriptSession) => ScriptReply | undefined;
  hangAfterLogin?: boolean;
};

export type ScriptedSshServer = {
  port: number;
  hostKeyFingerprint: string;
  commands: string[];
  passwordsTried: string[];
  connections: () => number;
  close(): Promise<void>;
};

let cachedKey: { keys: { private: string }; hostKey: ParsedKey } | undefined;

/** One generated ed25519 host key per test process. */
function hostKeyPair() {
  if (!cachedKey) {
    const keys = sshKeyPair();
    cachedKey = { keys, hostKey: keys.parsed };
  }
  return cachedKey;
}

export async function startScriptedSshServer(opts: ScriptedSshOptions): Promise<ScriptedSshServer> {
  const username = opts.username ?? 'peerdesk';
  const password = opts.password ?? 'secret';
  const { keys, hostKey } = hostKeyPair();
  const commands: string[] = [];
  const passwordsTried: string[] = [];
  const clients = new Set<Connection>();
  let logins = 0;
  const promptOf = (mode: string) => (typeof opts.prompt === 'function' ? opts.prompt(mode) : opts.prompt);

  const server = new Server({ hostKeys: [keys.private] }, (client) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('error', () => {});
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password') passwordsTried.push(ctx.password);
      if (ctx.method === 'password' && ctx.username === username && ctx.password === password) return ctx.accept();
      ctx.reject(['password']);
    });
    client.on('ready', () => {
      logins++;
      const session: ScriptSession = { mode: 'exec', commands };
      client.on('session', (accept) => {
        const s = accept();
        s.on('pty', (acc) => acc?.());
        s.on('exec', (acc, _rej, info) => {
          const ch = acc();
          commands.push(info.command);
          const reply = opts.script?.(info.command, session);
          if (typeof reply === 'object' && reply.hang) return;
          ch.write(typeof reply === 'string' ? reply : (reply?.output ?? ''));
          ch.exit(0);
          ch.end();
        });
        s.on('shell', (acc) => {
          const ch = acc();
          // the client closing its side ends the CLI session, as `exit` would
          ch.on('end', () => {
            ch.exit(0);
            ch.end();
          });
          if (opts.hangAfterLogin) return;
          ch.write(promptOf(session.mode));
          let buffer = '';
          let hung = false;
          ch.on('data', (chunk: Buffer) => {
            if (hung) return;
            buffer += chunk.toString('utf8');
            // a line ends at CR/LF; a lone Ctrl-D is a line of its own
            let m: RegExpExecArray | null;
            while (!hung && (m = /\r\n|\r|\n|\x04/.exec(buffer))) {
              const line = m[0] === '\x04' ? '^D' : buffer.slice(0, m.index);
              const before = m[0] === '\x04' ? buffer.slice(0, m.index) : '';
              buffer = buffer.slice(m.index + m[0].length);
              if (before.trim()) answer(before);
              if (line === '') ch.write(`\r\n${promptOf(session.mode)}`);
              else answer(line);
            }
            function answer(line: string) {
              commands.push(line);
              const reply = opts.script?.(line, session);
              if (typeof reply === 'object' && reply.drop) {
                hung = true;
                client.end();
                return;
              }
              if (typeof reply === 'object' && reply.hang) {
                hung = true;
                ch.write(`${line}\r\n`);
                return;
              }
              if (typeof reply === 'object' && reply.mode) session.mode = reply.mode;
              const output = typeof reply === 'string' ? reply : (reply?.output ?? '');
              const showPrompt = !(typeof reply === 'object' && reply.prompt === false);
              // echo, answer and prompt in one write, as a device flushes them
              ch.write(
                `${line}\r\n` + (output ? output.replace(/\r?\n/g, '\r\n') + (output.endsWith('\n') ? '' : '\r\n') : '') + (showPrompt ? promptOf(session.mode) : ''),
              );
            }
          });
        });
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    hostKeyFingerprint: fingerprintOf(hostKey.getPublicSSH()),
    commands,
    passwordsTried,
    connections: () => logins,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.end();
        server.close(() => resolve());
        setTimeout(resolve, 1_000);
      }),
  };
}
