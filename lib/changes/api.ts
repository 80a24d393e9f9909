import type { ChangeView } from '@/db/queries/changes';

const apiFields = [
  'id', 'status', 'kind', 'routerId', 'routerName', 'sessionIds', 'authorId', 'author', 'approverId', 'approver',
  'candidate', 'diff', 'diffNote', 'diffAt', 'requestedAt', 'emergencyReason', 'jobId',
  'output', 'error', 'verification', 'rollback', 'createdAt', 'updatedAt', 'finishedAt',
] as const satisfies readonly (keyof ChangeView)[];

/** A change as GET /changes and GET /changes/{id} show it (names from docs/API.md). */
export function apiChange(c: ChangeView): Pick<ChangeView, (typeof apiFields)[number]> {
  return Object.fromEntries(apiFields.map((k) => [k, c[k]])) as Pick<ChangeView, (typeof apiFields)[number]>;
}
