import { apiRoute, resultResponse } from '@/lib/api/respond';
import { testRouterConnection } from '@/lib/routers/test-connection';

/** 200 with {ok, message, kind?, connectMs?, commandMs?}: a router that cannot be reached is a test result, not an API error. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) =>
  resultResponse(await testRouterConnection(actor, { id: params.id })));
