import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import { getEmail } from '@/db/queries/emails';
import { apiRoute, requirePermission } from '@/lib/api/respond';
import { notFound } from '@/lib/errors';
import { emailDetail } from '@/lib/mail/api';

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requirePermission(actor, 'emails.read');
  const email = /^\d+$/.test(params.id) ? await getEmail(db(), Number(params.id)) : undefined;
  if (!email) throw notFound(`E-mail ${params.id}`);
  return NextResponse.json(emailDetail(email));
});
