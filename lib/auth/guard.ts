import { forbidden, redirect } from 'next/navigation';
import { currentActor } from '.';
import type { Actor } from './actor';
import { can, type Permission } from './permissions';

/** For pages and layouts: the signed-in actor, or off to /login. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  return actor;
}

/**
 * The first line of every page: the signed-in actor whose role has the permission; signed out, off to
 * /login; otherwise the Forbidden page (403) before the page reads anything. A layout's check does not
 * cover its pages: Next renders a layout and its page in parallel, so a page guarded only by its layout
 * still puts its data in the response (tests/unit/page-guards.test.ts keeps every page calling this).
 */
export async function requirePage(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor.role, permission)) forbidden();
  return actor;
}
