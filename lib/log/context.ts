import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while serving one request carries: which request, and who asked. */
export type LogContext = { requestId?: string; actor?: string; via?: string };

const storage = new AsyncLocalStorage<LogContext>();

export function withLogContext<T>(context: LogContext, run: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, run);
}

export const logContext = (): LogContext => storage.getStore() ?? {};
