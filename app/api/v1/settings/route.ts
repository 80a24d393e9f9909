import { NextResponse } from 'next/server';
import { apiRoute, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { can } from '@/lib/auth/permissions';
import { mailSettingsView } from '@/lib/mail/settings';
import { peeringSettingsView, updatePeeringSettings } from '@/lib/settings/service';

export const GET = apiRoute(async ({ actor }) => {
  requirePermission(actor, 'peering.read');
  const view = await peeringSettingsView();
  // the mailbox is Global Admins' business: others do not see its accounts at all
  return NextResponse.json(can(actor.role, 'emails.read') ? { ...view, mail: await mailSettingsView() } : view);
});

export const PATCH = apiRoute(async ({ req, actor }) => resultResponse(await updatePeeringSettings(actor, await readJson(req))));
