import type { PeerStatus } from '@/db/schema';

/**
 * The peer status state machine's rules, free of the database so pages and client components can
 * ask which actions apply. lib/peering/workflow.ts applies them; nothing else decides a transition.
 */
export const peerActions = [
  'mark_existing',
  'mark_not_qualified',
  'send_request',
  'resend_request',
  'mark_approved',
  'mark_rejected',
  'mark_request_received',
  'reset',
] as const;

export type PeerAction = (typeof peerActions)[number];

const transitions: Record<PeerStatus, Partial<Record<PeerAction, PeerStatus>>> = {
  new: { mark_existing: 'existing', mark_not_qualified: 'not_qualified', send_request: 'request_sent', mark_request_received: 'request_received' },
  request_sent: { mark_approved: 'approved', resend_request: 'request_sent', mark_rejected: 'rejected', reset: 'new' },
  request_received: { mark_approved: 'approved', mark_rejected: 'rejected', resend_request: 'request_sent', reset: 'new' },
  existing: { reset: 'new' },
  not_qualified: { reset: 'new' },
  approved: { reset: 'new' },
  rejected: { reset: 'new' },
};

/** The status an action leads to from `from`, or null when the action does not apply there. */
export function nextStatus(from: PeerStatus, action: PeerAction): PeerStatus | null {
  return transitions[from][action] ?? null;
}

/** The actions that apply to a peer in this status, in menu order. */
export function actionsFor(status: PeerStatus): PeerAction[] {
  return peerActions.filter((action) => nextStatus(status, action) !== null);
}

export const peerActionLabels: Record<PeerAction, string> = {
  mark_existing: 'Mark Existing Peer',
  mark_not_qualified: 'Mark Not Qualified',
  send_request: 'Send Request',
  resend_request: 'Resend Request',
  mark_approved: 'Mark Approved',
  mark_rejected: 'Mark Rejected',
  mark_request_received: 'Mark Request Received',
  reset: 'Reset Status',
};

export const peerStatusLabels: Record<PeerStatus, string> = {
  new: 'New',
  existing: 'Existing Peer',
  not_qualified: 'Not Qualified',
  request_sent: 'Request Sent',
  request_received: 'Request Received',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** Sending and resending go out by email: they belong to the peering request feature, not a status button. */
export const emailActions: readonly PeerAction[] = ['send_request', 'resend_request'];

/** The refusal for an action that does not apply, in the words the user sees. */
export function refusalMessage(from: PeerStatus, action: PeerAction) {
  return `"${peerActionLabels[action]}" does not apply to a peer whose status is ${peerStatusLabels[from]}`;
}
