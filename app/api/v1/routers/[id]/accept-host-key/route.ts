import { apiRoute, resultResponse } from '@/lib/api/respond';
import { acceptHostKey } from '@/lib/routers/service';

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => resultResponse(await acceptHostKey(actor, { id: params.id })));
