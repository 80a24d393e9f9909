export type CommandResult = { stdout: string; stderr: string; code: number };

/** One session of work with a router host: every command and file goes over the same connection. */
export interface RouterConnection {
  /** One shell command on the router host; a non-zero exit code is returned, not thrown. */
  run(command: string, stdin?: string): Promise<CommandResult>;
  /** The file's text, or null when there is no such file. */
  readFile(path: string): Promise<string | null>;
  writeFile(path: string, content: string): Promise<void>;
  close(): Promise<void>;
  /**
   * An interactive CLI session (network equipment that only speaks its own shell): SSH only.
   * Opened once per connection; every `send` waits for the next prompt within the command timeout.
   */
  shell?(opts?: ShellOptions): Promise<ShellSession>;
}

export type ShellOptions = {
  /** Matched against the end of the output (escape codes removed): the device waits for input. */
  prompt?: RegExp;
};

export interface ShellSession {
  /** Sends one line and returns what the device printed up to its next prompt (echo and prompt left out). */
  send(line: string, opts?: { expect?: RegExp; raw?: boolean }): Promise<string>;
  /** Everything the device printed so far, prompts included. */
  transcript(): string;
  close(): Promise<void>;
}

/** A prompt as network CLIs print it: `user@host> `, `host(config)# `, `RP/0/RP0/CPU0:host#`, `A:admin@host# `. */
export const DEFAULT_PROMPT = /(^|\n)[^\n]{0,120}[>#$%] ?$/;

export type ConnectOptions = {
  /** Hard limit for reaching and logging in to the router, and again for each command. */
  timeoutMs?: number;
  /**
   * Left out: the first key seen is pinned, a different one later is refused.
   * true: a changed key is accepted and pinned (callers must hold routers.trust).
   * false: not even a first key is pinned; an unknown key is refused and held for an admin.
   */
  trustNewHostKey?: boolean;
};

/** `settings`: the router's own settings stop Peerdesk before it tries anything on the network. */
export type RouterConnectionErrorKind = 'settings' | 'auth' | 'timeout' | 'unreachable' | 'host_key_mismatch' | 'host_key_unknown' | 'command';

export class RouterConnectionError extends Error {
  constructor(
    readonly kind: RouterConnectionErrorKind,
    message: string,
    readonly details: { fingerprint?: string } = {},
  ) {
    super(message);
    this.name = 'RouterConnectionError';
  }
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** Rejects with a timeout error when the work takes longer than the limit; `onTimeout` cleans up. */
export function withTimeout<T>(work: Promise<T>, ms: number, message: string, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new RouterConnectionError('timeout', message));
    }, ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
