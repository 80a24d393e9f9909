import { timingSafeEqual } from 'node:crypto';
import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { errorResponse } from '@/lib/api/respond';
import { tick } from '@/lib/jobs/runner';

export const dynamic = 'force-dynamic';

function secretMatches(header: string | null, secret: string) {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The same tick node-cron runs inside the server, for an external scheduler (bearer CRON_SECRET). */
export async function POST(req: Request) {
  const secret = env().CRON_SECRET;
  if (!secret) return errorResponse({ code: 'not_found', message: 'The cron route is disabled: set CRON_SECRET to enable it' });
  if (!secretMatches(req.headers.get('authorization'), secret)) return errorResponse({ code: 'unauthenticated', message: 'Wrong or missing cron secret' });
  return NextResponse.json({ ran: await tick() });
}
