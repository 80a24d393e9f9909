import { NextResponse } from 'next/server';
import { apiRoute, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { createPolicy, listPolicies } from '@/lib/filters/policies';

export const GET = apiRoute(async ({ actor }) => {
  requirePermission(actor, 'peering.read');
  const rows = await listPolicies();
  return NextResponse.json({
    data: rows.map((r) => ({ ...r.policy, sessions: r.sessions, peers: r.peers, peerGroups: r.peerGroups })),
    next: null,
  });
});

export const POST = apiRoute(async ({ req, actor }) => resultResponse(await createPolicy(actor, await readJson(req)), 201));
