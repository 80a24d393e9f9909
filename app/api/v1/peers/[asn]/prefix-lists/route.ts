import { NextResponse } from 'next/server';
import { apiRoute, requirePermission } from '@/lib/api/respond';
import { peerPrefixLists } from '@/lib/filters/view';
import { asnParam } from '@/lib/peering/api';

/** The AS-SET in use, the IPv4 and IPv6 lists in use, warnings, and every version with its diff. */
export const GET = apiRoute<{ asn: string }>(async ({ actor, params }) => {
  requirePermission(actor, 'peering.read');
  return NextResponse.json(await peerPrefixLists(asnParam(params.asn)));
});
