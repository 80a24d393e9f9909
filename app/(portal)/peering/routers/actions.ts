'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { createPeerGroup, deletePeerGroup } from '@/lib/routers/peer-groups';
import { acceptHostKey, createRouter, deleteRouter, updateRouter } from '@/lib/routers/service';
import { testRouterConnection } from '@/lib/routers/test-connection';

const refresh = () => revalidatePath('/peering/routers', 'layout');

export async function createRouterAction(input: unknown) {
  const result = await createRouter(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function updateRouterAction(input: unknown) {
  const result = await updateRouter(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function deleteRouterAction(input: unknown) {
  const result = await deleteRouter(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function testRouterConnectionAction(input: unknown) {
  const result = await testRouterConnection(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function acceptHostKeyAction(input: unknown) {
  const result = await acceptHostKey(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function createPeerGroupAction(input: unknown) {
  const result = await createPeerGroup(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}

export async function deletePeerGroupAction(input: unknown) {
  const result = await deletePeerGroup(await currentActor(), input);
  if (result.ok) refresh();
  return result;
}
