'use server';

import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { savePeerFilters } from '@/lib/filters/policies';
import { requestPrefixListRefresh } from '@/lib/filters/refresh';

const refresh = (asn: number) => revalidatePath(`/peering/peers/${asn}`);

export async function refreshPrefixListsAction(peerAsn: number) {
  return requestPrefixListRefresh(await currentActor(), { peerAsn });
}

export async function savePeerFiltersAction(input: { peerAsn: number; asSet: string; importPolicyId: string; exportPolicyId: string }) {
  const result = await savePeerFilters(await currentActor(), input);
  if (result.ok) refresh(input.peerAsn);
  return result;
}
