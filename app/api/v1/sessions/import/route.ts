import { apiRoute, readJson, resultResponse } from '@/lib/api/respond';
import { runSessionImport } from '@/lib/import/apply';
import { MAX_IMPORT_BODY_BYTES } from '@/lib/import/schemas';

export const POST = apiRoute(async ({ req, actor }) =>
  resultResponse(await runSessionImport(actor, await readJson(req, MAX_IMPORT_BODY_BYTES))));
