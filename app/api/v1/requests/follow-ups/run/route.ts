import { apiRoute, resultResponse } from '@/lib/api/respond';
import { runFollowUps } from '@/lib/peering/follow-ups';

/** Runs the follow-up pass now: replies recorded, stalls, and the follow-ups sent (mode send) or suggested. */
export const POST = apiRoute(async ({ actor }) => resultResponse(await runFollowUps(actor, {})));
