import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { getPeerDetails } from '@/db/queries/peer-details';
import { apiRoute, requirePermission } from '@/lib/api/respond';
import { can } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import { asnParam } from '@/lib/peering/api';

/** PeeringDB facts, shared exchanges, status per exchange, notes log, sessions; emails for roles with emails.read. */
export const GET = apiRoute<{ asn: string }>(async ({ actor, params }) => {
  requirePermission(actor, 'peering.read');
  const asn = asnParam(params.asn);
  const details = await getPeerDetails(db(), asn, { withEmails: can(actor.role, 'emails.read') });
  if (!details.facts && !details.sessions.length && !details.notes.length && !details.statuses.length) throw notFound(`AS${asn}`);
  const { emails, ...rest } = details;
  return NextResponse.json(emails ? details : rest);
});
