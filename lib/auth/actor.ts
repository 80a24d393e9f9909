import type { Role, TokenScope } from '@/db/schema';

/** Who is acting, and through which door: the web UI, the REST API, the CLI, or the app itself. */
export type Actor = {
  id: number | null;
  email: string;
  role: Role;
  via: 'web' | 'api' | 'cli' | 'system';
  /** Set only for an API token: a `read` token may not change anything. */
  scope?: TokenScope;
};

export const systemActor: Actor = { id: null, email: 'system', role: 'global_admin', via: 'system' };
