import type { Role } from '@/db/schema';

/** Who is acting, and through which door: the web UI, the REST API, the CLI, or the app itself. */
export type Actor = {
  id: number | null;
  email: string;
  role: Role;
  via: 'web' | 'api' | 'cli' | 'system';
};

export const systemActor: Actor = { id: null, email: 'system', role: 'global_admin', via: 'system' };
