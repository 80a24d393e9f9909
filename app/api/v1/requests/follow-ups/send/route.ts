import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { sendFollowUpNow } from '@/lib/peering/follow-ups';

/** Suggest mode's one click: {peerAsn, ixId, localAsn} -> the next follow-up of that request, in its thread. */
export const POST = apiRoute(async ({ req, actor }) => resultResponse(await sendFollowUpNow(actor, await readJson(req)), 201));
