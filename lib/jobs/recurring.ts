import { jobKinds } from './kinds';

/**
 * Keeps every recurring job scheduled (the PeeringDB refresh, the mailbox sync, the BGP poll): each
 * kind decides when. Dedupe keys make this safe to call from every instance on every tick.
 */
export async function ensureRecurringJobs() {
  for (const kind of Object.values(jobKinds)) await kind.recurring?.();
}
