import { Client, type ClientChannel, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import type { Router } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/secrets';
import { fingerprintOf, holdPendingHostKey, hostKeyRefusal, judgeHostKey, pinHostKey, type HostKeyVerdict } from './host-key';
import { sshFailure } from './ssh-errors';
import { openShell } from './ssh-shell';
import { RouterConnectionError, seconds, withTimeout, type CommandResult, type RouterConnection } from './types';

type Options = { timeoutMs: number; trustNewHostKey?: boolean };

/** SFTP's "no such file" status. */
const NO_SUCH_FILE = 2;

function credentialsOf(router: Router) {
  if (!router.username) throw new RouterConnectionError('settings', `No SSH user is set for ${router.name}: add one in its settings.`);
  if (!router.passwordEnc && !router.privateKeyEnc) {
    throw new RouterConnectionError('settings', `No SSH password or private key is set for ${router.name}: add one in its settings.`);
  }
  try {
    return {
      username: router.username,
      password: router.passwordEnc ? decryptSecret(router.passwordEnc) : undefined,
      privateKey: router.privateKeyEnc ? decryptSecret(router.privateKeyEnc) : undefined,
    };
  } catch {
    throw new RouterConnectionError('settings', `The stored credentials of ${router.name} cannot be decrypted: was APP_ENCRYPTION_KEY changed since they were saved?`);
  }
}

export async function connectSsh(router: Router, options: Options): Promise<RouterConnection> {
  const credentials = credentialsOf(router);
  const host = router.managementAddress || router.hostname;
  const target = { host, port: router.sshPort, username: credentials.username };
  const client = new Client();
  let seen: { fingerprint: string; verdict: HostKeyVerdict; accepted: boolean } | undefined;
  const config: ConnectConfig = {
    ...target,
    password: credentials.password,
    privateKey: credentials.privateKey,
    tryKeyboard: !!credentials.password,
    readyTimeout: options.timeoutMs,
    hostVerifier: (key: Buffer) => {
      const fingerprint = fingerprintOf(key);
      const verdict = judgeHostKey(router, fingerprint);
      const accepted = verdict === 'pinned' || (verdict === 'first' && options.trustNewHostKey !== false) || (verdict === 'changed' && options.trustNewHostKey === true);
      seen = { fingerprint, verdict, accepted };
      return accepted;
    },
  };
  // Network equipment often asks for the password through keyboard-interactive prompts.
  client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => credentials.password ?? '')));
  // An error after login (the router drops the connection) surfaces in the command that fails.
  client.on('error', () => {});
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        client.once('ready', resolve).once('error', reject);
        client.connect(config);
      }),
      options.timeoutMs + 1_000,
      `No SSH session with ${host}:${router.sshPort} within ${seconds(options.timeoutMs)}: the connection timed out.`,
      () => client.destroy(),
    );
  } catch (err) {
    client.destroy();
    if (seen && !seen.accepted) {
      await holdPendingHostKey(router.id, seen.fingerprint);
      throw hostKeyRefusal(router, seen.fingerprint);
    }
    throw err instanceof RouterConnectionError ? err : sshFailure(err, { ...target, timeoutMs: options.timeoutMs, credentials });
  }
  if (seen && seen.verdict !== 'pinned') await pinHostKey(router.id, seen.fingerprint, seen.verdict === 'changed');
  return sshConnection(client, router.name, options.timeoutMs);
}

function sshConnection(client: Client, name: string, timeoutMs: number): RouterConnection {
  // One command at a time: routers allow few channels per connection, and order matters to callers.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
  let sftp: Promise<SFTPWrapper> | undefined;
  const openSftp = () =>
    (sftp ??= new Promise<SFTPWrapper>((resolve, reject) =>
      client.sftp((err, session) => (err ? reject(new RouterConnectionError('command', `${name} offers no SFTP: ${err.message}`)) : resolve(session))),
    ));

  return {
    run: (command, stdin) => serial(() => exec(client, command, stdin, timeoutMs, name)),
    shell: (opts) => serial(() => openShell(client, name, timeoutMs, opts)),
    readFile: (path) =>
      serial(async () => {
        const session = await openSftp();
        return new Promise<string | null>((resolve, reject) =>
          session.readFile(path, (err, data) => {
            if (!err) return resolve(data.toString('utf8'));
            if ((err as Error & { code?: number }).code === NO_SUCH_FILE) return resolve(null);
            reject(new RouterConnectionError('command', `Could not read ${path} on ${name}: ${err.message}`));
          }),
        );
      }),
    writeFile: (path, content) =>
      serial(async () => {
        const session = await openSftp();
        return new Promise<void>((resolve, reject) =>
          session.writeFile(path, content, (err) => (err ? reject(new RouterConnectionError('command', `Could not write ${path} on ${name}: ${err.message}`)) : resolve())),
        );
      }),
    close: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          client.destroy();
          resolve();
        }, 2_000);
        client.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        client.end();
      }),
  };
}

function exec(client: Client, command: string, stdin: string | undefined, timeoutMs: number, name: string): Promise<CommandResult> {
  let channel: ClientChannel | undefined;
  const done = new Promise<CommandResult>((resolve, reject) => {
    client.exec(command, (err, ch) => {
      if (err) return reject(new RouterConnectionError('command', `Could not run a command on ${name}: ${err.message}`));
      channel = ch;
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let code: number | null = null;
      ch.on('data', (chunk: Buffer) => stdout.push(chunk));
      ch.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      ch.on('exit', (exitCode: number | null) => (code = exitCode));
      ch.on('close', () => resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), code: code ?? -1 }));
      ch.end(stdin);
    });
  });
  return withTimeout(done, timeoutMs, `"${command}" did not finish on ${name} within ${seconds(timeoutMs)}.`, () => channel?.close());
}
