import { apiRoute, parseOrThrow, readJson, requirePermission, resultResponse } from '@/lib/api/respond';
import { associateBody } from '@/lib/mail/api';
import { associateEmail } from '@/lib/mail/service';

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  requirePermission(actor, 'emails.manage');
  const body = parseOrThrow(associateBody, await readJson(req));
  const peerAsn = typeof body.peerAsn === 'string' ? body.peerAsn.replace(/^AS/i, '') : body.peerAsn;
  return resultResponse(await associateEmail(actor, { id: params.id, peerAsn }));
});
