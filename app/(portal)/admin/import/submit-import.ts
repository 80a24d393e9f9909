import type { Result } from '@/lib/errors';
import type { ImportReport } from '@/lib/import/apply';

export type ImportRequest = { routerId: number; config?: string };

/** Posts a preview or an import to ./submit/route.ts; without `config`, the router is read live. */
export async function submitImport(request: ImportRequest, dryRun: boolean): Promise<Result<ImportReport>> {
  const params = new URLSearchParams({ routerId: String(request.routerId), source: request.config === undefined ? 'router' : 'text' });
  if (dryRun) params.set('dryRun', '1');
  const res = await fetch(`/admin/import/submit?${params}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=utf-8' },
    body: request.config ?? '',
  });
  // Anything but our JSON means the session ended on the way (the proxy sent the login page).
  if (!res.headers.get('content-type')?.includes('application/json')) return { ok: false, error: { code: 'unauthenticated', message: 'Your session has ended: sign in again' } };
  return (await res.json()) as Result<ImportReport>;
}
