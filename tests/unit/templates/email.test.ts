import { describe, expect, it } from 'vitest';
import { builtinEmailTemplate } from '@/lib/templates/defaults';
import { renderTemplate } from '@/lib/templates/engine';
import type { EmailVariables } from '@/lib/templates/variables';

const vars: EmailVariables = {
  peer: { name: 'Lab Peer Net', asn: 65002 },
  local: { asn: 65001, name: 'Peerdesk Lab Net', as_set: 'AS-PEERDESK' },
  exchanges: [
    { name: 'LAB-IX', our_ipv4: '10.0.12.1', our_ipv6: '2001:db8:12::1', peer_ipv4: '10.0.12.2', peer_ipv6: '2001:db8:12::2' },
    { name: 'OTHER-IX', our_ipv4: '192.0.2.1', our_ipv6: null, peer_ipv4: '192.0.2.2', peer_ipv6: null },
  ],
  sender: { name: 'Peering Team', address: 'peering@example.test' },
  contact: { name: 'Jane NOC', email: 'noc@peer.test' },
};

describe('the built-in "Peering request" e-mail', () => {
  it('names both networks in the subject', async () => {
    expect(await renderTemplate(builtinEmailTemplate.subject!, vars)).toBe('Peering request: AS65001 Peerdesk Lab Net and AS65002 Lab Peer Net');
  });

  it('greets the contact and lists every shared exchange with both sides\' addresses, our AS-SET and NOC', async () => {
    const body = await renderTemplate(builtinEmailTemplate.body, vars);
    expect(body).toMatch(/^Dear Jane NOC,/);
    expect(body).toContain('LAB-IX\n  IPv4: AS65001 10.0.12.1  <->  AS65002 10.0.12.2\n  IPv6: AS65001 2001:db8:12::1  <->  AS65002 2001:db8:12::2');
    expect(body).toContain('OTHER-IX\n  IPv4: AS65001 192.0.2.1  <->  AS65002 192.0.2.2\n');
    expect(body).not.toContain('OTHER-IX\n  IPv4: AS65001 192.0.2.1  <->  AS65002 192.0.2.2\n  IPv6');
    expect(body).toContain('AS-SET: AS-PEERDESK');
    expect(body).toContain('Peering Team <peering@example.test>');
  });

  it('falls back to the network name when there is no contact and no AS-SET', async () => {
    const body = await renderTemplate(builtinEmailTemplate.body, { ...vars, contact: null, local: { ...vars.local, as_set: null } });
    expect(body).toMatch(/^Dear Lab Peer Net,/);
    expect(body).not.toContain('AS-SET');
  });
});
