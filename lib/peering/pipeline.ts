import type { z } from 'zod';
import { db, type Executor } from '@/db/client';
import { countRequests, countRequestsByStage, listRequests, markReplied, type RequestStage } from '@/db/queries/requests';
import { peerNotes } from '@/db/schema';
import { notify } from '@/lib/notifications/notify';
import { followUpSettings } from './follow-up-settings';
import type { requestListFilters } from './request-schemas';

export { requestStages, type RequestStage } from '@/db/queries/requests';

export const requestStageLabels: Record<RequestStage, string> = {
  sent: 'Sent',
  replied: 'Replied',
  approved: 'Approved',
  configured: 'Configured',
  established: 'Established',
  stalled: 'Stalled',
};

export async function listPipeline(executor: Executor, f: z.output<typeof requestListFilters>) {
  const filters = { stage: f.stage, peerAsn: f.peerAsn, ixId: f.ixId, localAsn: f.localAsn, due: f.due };
  const policy = await followUpSettings(executor);
  const rows = await listRequests(executor, { ...filters, limit: f.limit, offset: f.offset }, policy);
  const total = await countRequests(executor, filters, policy);
  return { rows, total, limit: f.limit, offset: f.offset, followUp: policy };
}

/** Requests by stage, every stage present (the metrics endpoint exposes them). */
export async function requestsByStage(executor: Executor = db()) {
  return countRequestsByStage(executor);
}

/**
 * Marks requests that got an answer since the last look (a reply in the thread, or a message from the
 * peer's contacts), logs it in the peer's notes and tells whoever asked to be told. Each answer once.
 */
export async function recordReplies(executor: Executor = db()) {
  const marked = await markReplied(executor);
  if (marked.length) {
    await executor.insert(peerNotes).values(marked.map((m) => ({ ...m, kind: 'reply', comment: 'Reply received: the request moved to Replied' })));
  }
  // One answer to a request about several exchanges is one notification.
  const answers = new Map(marked.map((m) => [`${m.peerAsn}:${m.emailId}`, { peerAsn: m.peerAsn, emailId: m.emailId, ixIds: marked.filter((x) => x.peerAsn === m.peerAsn && x.emailId === m.emailId).map((x) => x.ixId) }]));
  for (const a of answers.values()) {
    await notify('reply.received', { text: `AS${a.peerAsn} replied to our peering request`, ...a }, executor);
  }
  return marked;
}

/** The requests that need someone now (a reply, a stall, a follow-up due), most pressing first, and how many. */
export async function requestsNeedingAttention(executor: Executor, limit: number) {
  const policy = await followUpSettings(executor);
  const [rows, total] = await Promise.all([
    listRequests(executor, { attention: true, limit, offset: 0 }, policy),
    countRequests(executor, { attention: true }, policy),
  ]);
  return { rows, total };
}
