import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { sendNotice } from '@/lib/peering/notices';

/** {routerId? or ixId? or peerAsns?, subject, body} -> one e-mail per peer, a result per peer. */
export const POST = apiRoute(async ({ req, actor }) => resultResponse(await sendNotice(actor, await readJson(req))));
