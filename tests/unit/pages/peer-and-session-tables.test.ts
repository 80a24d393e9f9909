import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { PeerTable, type PeerTableRow } from '@/app/(portal)/peering/peers/peer-table';
import { SessionTable, type SessionListRow } from '@/app/(portal)/peering/sessions/session-table';

// The row menus' server actions are not called here; their modules sign in through next-auth.
vi.mock('@/app/(portal)/peering/peers/actions', () => ({ changePeerStatusAction: vi.fn() }));
vi.mock('@/app/(portal)/peering/sessions/actions', () => ({ deleteSessionAction: vi.fn() }));
vi.mock('@/app/(portal)/peering/sessions/config-actions', () => ({ configureSessionAction: vi.fn(), setAdminStateAction: vi.fn() }));

// A full page of the Peers list: 50 networks, each at three of our exchanges.
const peers: PeerTableRow[] = Array.from({ length: 50 }, (_, i) => ({
  asn: 64500 + i,
  name: `Network ${i}`,
  statuses: [1, 2, 3].map((ixId) => ({ ixId, name: `IX ${ixId}`, localAsn: 65001, status: ixId === 1 ? 'request_received' : 'existing' })),
  sessions: 2,
  notes: 1,
  lastComment: 'asked for a second session',
}));

const session: SessionListRow = {
  id: 7, localAsn: 65001, routerName: 'edge-1', peerAsn: 64500, peerName: 'Peer Net', peerIp: '192.0.2.77', exchangeName: 'LAB-IX', ixId: 26,
  peerGroupName: 'LAB-IX-V4', type: 'peer', prefixesReceived: 95, maxPrefixes: 100, routes: null, configStatus: 'configured', configError: null,
  bgpState: 'Established', bgpLastError: null, adminDown: false, uptimeSeconds: 3600, lastPolledAt: new Date('2026-12-07T10:00:00Z'), notes: 'via the route server too',
};

describe('Peers and Sessions lists', () => {
  it('show every peer with its status per exchange, and make a row menu’s items only when it opens', () => {
    const html = renderToStaticMarkup(createElement(PeerTable, { rows: peers, showLocalAsn: false, mayManage: true, mayConfigure: true }));
    expect(html.match(/data-testid="peer-/g)).toHaveLength(50);
    expect(html).toContain('href="/peering/peers/64549"');
    expect(html).toContain('Request Received');
    expect(html).toContain('asked for a second session');
    expect(html.match(/aria-label="Actions for AS/g)).toHaveLength(50);
    // Closed menus carried 50 × (Details, Configure Multiple Sessions, three exchanges' actions): most of the page.
    expect(html).not.toContain('Configure Multiple Sessions');
    expect(html).not.toContain('role="menuitem"');
  });

  it('show what a coordinator reads in each session row', () => {
    const html = renderToStaticMarkup(createElement(SessionTable, { rows: [session], mayManage: true, mayConfigure: true }));
    for (const text of ['AS65001', 'edge-1', 'AS64500', 'Peer Net', '192.0.2.77', 'LAB-IX', 'LAB-IX-V4', 'Configured', 'Established', 'up 1h 0m', 'via the route server too', 'Actions for AS64500 192.0.2.77']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('data-testid="prefix-bar"');
  });
});
