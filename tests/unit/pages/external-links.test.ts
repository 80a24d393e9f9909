import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConnectionsTab } from '@/app/(portal)/peering/ixs/[id]/connections-tab';
import { PeerFacts } from '@/app/(portal)/peering/peers/[asn]/peer-facts';
import type { ExchangeDetails } from '@/db/queries/exchanges';
import type { PeerDetails } from '@/db/queries/peer-details';

// What a network can type into its own PeeringDB record, which we sync and show as links.
const hostile = ['javascript:alert(document.cookie)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', '//evil.example/x', 'not a url'];

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

function peerPage(website: string, policyUrl: string) {
  const facts = { id: 1, name: 'Hostile Net', aka: null, asSet: null, policy: 'Open', policyUrl, infoType: null, prefixes4: null, prefixes6: null, website };
  return renderToStaticMarkup(createElement(
    PeerFacts,
    { details: { asn: 64511, facts, contacts: [], sharedExchanges: [] } as unknown as PeerDetails },
  ));
}

function exchangePage(website: string) {
  const exchange = { id: 26, name: 'IX', nameLong: null, city: null, country: null, regionContinent: null, prefixes4: [], prefixes6: [], website, connections: [] };
  return renderToStaticMarkup(createElement(ConnectionsTab, { exchange: exchange as unknown as ExchangeDetails }));
}

describe('PeeringDB URLs shown as links', () => {
  it.each(hostile)('%j is shown as text, never as a link, on the peer and exchange pages', (url) => {
    const pages = [peerPage(url, url), exchangePage(url)];
    for (const html of pages) {
      expect(hrefs(html)).toEqual([]);
      expect(html).not.toMatch(/href="\s*(javascript|data|vbscript)/i);
    }
    expect(pages[0]).toContain('>Open<');
  });

  it('http and https websites and policies are links that open apart from Peerdesk', () => {
    expect(hrefs(peerPage('https://peer.example/', 'http://peer.example/policy'))).toEqual(['http://peer.example/policy', 'https://peer.example/']);
    expect(exchangePage('https://ix.example')).toContain('href="https://ix.example/" rel="noreferrer noopener" target="_blank"');
  });
});
