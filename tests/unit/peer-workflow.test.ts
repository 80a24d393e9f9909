import { describe, expect, it } from 'vitest';
import type { PeerStatus } from '@/db/schema';
import { actionsFor, nextStatus, peerActionLabels, peerActions, peerStatusLabels, type PeerAction } from '@/lib/peering/workflow';

const statuses: PeerStatus[] = ['new', 'existing', 'not_qualified', 'request_sent', 'request_received', 'approved', 'rejected'];

/** The rules as the product's manual states them; everything not listed is refused. */
const allowed: Record<PeerStatus, Partial<Record<PeerAction, PeerStatus>>> = {
  new: { mark_existing: 'existing', mark_not_qualified: 'not_qualified', send_request: 'request_sent', mark_request_received: 'request_received' },
  request_sent: { mark_approved: 'approved', resend_request: 'request_sent', mark_rejected: 'rejected', reset: 'new' },
  request_received: { mark_approved: 'approved', mark_rejected: 'rejected', resend_request: 'request_sent', reset: 'new' },
  existing: { reset: 'new' },
  not_qualified: { reset: 'new' },
  approved: { reset: 'new' },
  rejected: { reset: 'new' },
};

describe('the peer status workflow', () => {
  const cases = statuses.flatMap((from) => peerActions.map((action) => ({ from, action, to: allowed[from][action] ?? null })));

  it.each(cases.filter((c) => c.to))('$from --$action--> $to', ({ from, action, to }) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each(cases.filter((c) => !c.to))('$action does not apply to $from', ({ from, action }) => {
    expect(nextStatus(from, action)).toBeNull();
  });

  it('offers exactly the actions that apply, in menu order', () => {
    expect(actionsFor('new')).toEqual(['mark_existing', 'mark_not_qualified', 'send_request', 'mark_request_received']);
    expect(actionsFor('request_sent')).toEqual(['resend_request', 'mark_approved', 'mark_rejected', 'reset']);
    expect(actionsFor('request_received')).toEqual(['resend_request', 'mark_approved', 'mark_rejected', 'reset']);
    for (const s of ['existing', 'not_qualified', 'approved', 'rejected'] as const) expect(actionsFor(s)).toEqual(['reset']);
  });

  it('reset returns every state but New to New, and New cannot be reset', () => {
    for (const s of statuses) expect(nextStatus(s, 'reset')).toBe(s === 'new' ? null : 'new');
  });

  it('has a label for every action and status', () => {
    expect(Object.keys(peerActionLabels).sort()).toEqual([...peerActions].sort());
    expect(Object.keys(peerStatusLabels).sort()).toEqual([...statuses].sort());
    expect(peerActionLabels.mark_existing).toBe('Mark Existing Peer');
    expect(peerStatusLabels.request_received).toBe('Request Received');
  });
});
