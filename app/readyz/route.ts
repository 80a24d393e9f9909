import { NextResponse } from 'next/server';
import { readiness } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

/** Readiness for a load balancer: 200 when this instance can serve, 503 with the failing check otherwise. */
export async function GET() {
  const { ready, checks } = await readiness();
  return NextResponse.json({ status: ready ? 'ready' : 'not_ready', checks }, { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
