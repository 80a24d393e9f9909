import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { assignPolicies } from '@/lib/filters/policies';

export const POST = apiRoute(async ({ req, actor }) => resultResponse(await assignPolicies(actor, await readJson(req))));
