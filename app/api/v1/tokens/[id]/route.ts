import { apiRoute, resultResponse } from '@/lib/api/respond';
import { revokeToken } from '@/lib/tokens/service';

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => resultResponse(await revokeToken(actor, { id: params.id })));
