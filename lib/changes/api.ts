import { ServiceError } from '@/lib/errors';
import type { ChangeView } from '@/db/queries/changes';

/** A change as GET /changes and GET /changes/{id} show it (names from docs/API.md). */
export function apiChange(c: ChangeView) {
  const {
    id,
    status,
    kind,
    routerId,
    routerName,
    sessionIds,
    authorId,
    author,
    approverId,
    approver,
    candidate,
    diff,
    diffNote,
    diffAt,
    requestedAt,
    emergencyReason,
    jobId,
  } = c;
  const { output, error, verification, rollback, createdAt, updatedAt, finishedAt } = c;
  return {
    id,
    status,
    kind,
    routerId,
    routerName,
    sessionIds,
    authorId,
    author,
    approverId,
    approver,
    candidate,
    diff,
    diffNote,
    diffAt,
    requestedAt,
    emergencyReason,
    jobId,
    output,
    error,
    verification,
    rollback,
    createdAt,
    updatedAt,
    finishedAt,
  };
}

/** Approve and reject take an optional body: none at all means no comment. */
export async function optionalJson(req: Request): Promise<object> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as object;
  } catch {
    throw new ServiceError('validation', 'The request body must be JSON');
  }
}
