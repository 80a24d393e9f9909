import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { runSessionImport } from '@/lib/import/apply';

export const POST = apiRoute(async ({ req, actor }) => resultResponse(await runSessionImport(actor, await readJson(req))));
