import { redirect } from 'next/navigation';
import { currentActor } from '.';
import type { Actor } from './actor';
import { can, type Permission } from './permissions';

/** For pages: the signed-in actor, or off to /login. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  return actor;
}

/** For pages: the actor and whether the role allows the permission (render <Forbidden> when not). */
export async function pageAccess(permission: Permission) {
  const actor = await requireActor();
  return { actor, allowed: can(actor.role, permission) };
}
