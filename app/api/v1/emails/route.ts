import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { listEmails } from '@/db/queries/emails';
import { apiRoute, pageOf, pageParams, parseOrThrow, requirePermission } from '@/lib/api/respond';
import { emailSummary } from '@/lib/mail/api';
import { emailListFilters } from '@/lib/mail/schemas';

export const GET = apiRoute(async ({ req, actor }) => {
  requirePermission(actor, 'emails.read');
  const page = pageParams(req.url);
  const filters = parseOrThrow(emailListFilters, Object.fromEntries(new URL(req.url).searchParams));
  const rows = await listEmails(db(), { ...page, mailbox: filters.mailbox, peerAsn: filters.peerAsn, threads: filters.threads === 'true' });
  const { data, next } = pageOf(rows, page);
  return NextResponse.json({ data: data.map(emailSummary), next });
});
