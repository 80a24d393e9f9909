import { revalidatePath } from 'next/cache';
import { NextResponse } from 'next/server';
import { currentActor } from '@/lib/auth';
import { toFailure } from '@/lib/auth/mutation';
import { httpStatus, type Result } from '@/lib/errors';
import { analyzeImported, importSessions, planSessionImport, type ImportReport } from '@/lib/import/apply';
import { MAX_IMPORT_BODY_BYTES } from '@/lib/import/schemas';
import { readBodyText } from '@/lib/server/request-body';
import { fromOwnOrigin } from '@/lib/server/same-origin';

/**
 * Data import's preview and import. The form posts the configuration here as plain text rather than
 * to a server action: a configuration can be 20 MB, and server actions (every other form, sign-in
 * included) take at most 1 MB. Same rules as an action: our own origin, the session's user, the service.
 */
export async function POST(req: Request) {
  if (!fromOwnOrigin(req)) return respond({ ok: false, error: { code: 'forbidden', message: 'Cross-site request refused' } });
  const params = new URL(req.url).searchParams;
  const dryRun = params.get('dryRun') === '1';
  let config: string | undefined;
  try {
    config = params.get('source') === 'router' ? undefined : await readBodyText(req, MAX_IMPORT_BODY_BYTES);
  } catch (err) {
    return respond({ ok: false, error: toFailure(err, 'sessions.import') });
  }
  const input = { routerId: params.get('routerId'), config };
  const result = dryRun ? await planSessionImport(await currentActor(), input) : await importSessions(await currentActor(), input);
  if (result.ok && !dryRun) {
    await analyzeImported();
    revalidatePath('/peering/sessions');
    revalidatePath('/peering/routers');
  }
  return respond(result);
}

const respond = (result: Result<ImportReport>) => NextResponse.json(result, { status: result.ok ? 200 : httpStatus[result.error.code] });
