import { NextResponse } from 'next/server';
import { apiRoute, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { peeringSettingsView, updatePeeringSettings } from '@/lib/settings/service';

export const GET = apiRoute(async ({ actor }) => {
  requirePermission(actor, 'peering.read');
  return NextResponse.json(await peeringSettingsView());
});

export const PATCH = apiRoute(async ({ req, actor }) => resultResponse(await updatePeeringSettings(actor, await readJson(req))));
