import type { Result } from '@/lib/errors';
import type { Actor } from '@/lib/auth/actor';

/** The CLI runs on the server's own machine with its database: it acts as the system, recorded as "cli". */
export const cliActor: Actor = { id: null, email: 'cli', role: 'global_admin', via: 'cli' };

export function report<T>(result: Result<T>, onSuccess: (data: T) => string): number {
  if (result.ok) {
    console.log(onSuccess(result.data));
    return 0;
  }
  console.error(`Error: ${result.error.message}`);
  for (const [field, message] of Object.entries(result.error.fields ?? {})) console.error(`  --${field}: ${message}`);
  return result.error.code === 'validation' ? 2 : 1;
}
