import { db } from '@/db/client';
import { localAsns } from '@/db/schema';
import { peeringDbSettings } from '@/lib/settings/service';
import { ensureBgpPolling } from '@/lib/config/poll';
import { ensureMailSync } from '@/lib/mail/job';
import { keepRecurring } from './queue';

// A TTL of 0 means "always fresh"; the scheduled refresh still waits this long between runs.
const MIN_REFRESH_S = 60;

/**
 * Keeps the PeeringDB refresh scheduled every cache TTL once the operator has set an ASN, and the
 * BGP state poll every poll interval.
 * The dedupe key makes this safe to call from every instance on every tick.
 */
export async function ensureRecurringJobs() {
  await ensureMailSync();
  await ensureBgpPolling();
  const [anyAsn] = await db().select().from(localAsns).limit(1);
  if (!anyAsn) return;
  const { cacheTtl } = await peeringDbSettings();
  await keepRecurring(db(), 'peeringdb.sync', Math.max(cacheTtl, MIN_REFRESH_S), 'PeeringDB refresh (every cache TTL)');
}
