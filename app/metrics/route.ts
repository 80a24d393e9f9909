import { timingSafeEqual } from 'node:crypto';
import { errorResponse } from '@/lib/api/respond';
import { env } from '@/lib/env';
import { scrapeMetrics } from '@/lib/metrics/scrape';
import { authenticateBearer } from '@/lib/tokens/service';

export const dynamic = 'force-dynamic';

function isMetricsToken(header: string | null, token: string | undefined) {
  if (!token) return false;
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Prometheus scrapes here with bearer METRICS_TOKEN (or any user's API token). */
export async function GET(req: Request) {
  const header = req.headers.get('authorization');
  if (!isMetricsToken(header, env().METRICS_TOKEN) && 'refused' in (await authenticateBearer(header))) {
    return errorResponse({ code: 'unauthenticated', message: 'Send Authorization: Bearer <METRICS_TOKEN or an API token>' });
  }
  const { body, contentType } = await scrapeMetrics();
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
