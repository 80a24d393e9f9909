import { describe, expect, it } from 'vitest';
import { chooseAssociation, subjectAsns, type AssociationInput, type Lookups } from '@/lib/mail/associate';

const lookups: Lookups = {
  threads: new Map([['<req@example.test>', 65002]]),
  addresses: new Map([['noc@alpha.example', 64501]]),
  networks: new Set([64502, 64501]),
};
const base: AssociationInput = { mailbox: 'inbox', messageId: '<x@y>', inReplyTo: null, references: [], fromAddress: null, toAddresses: [], subject: null };

describe('tying a message to a peer, strongest first', () => {
  it('a reply in a thread we have beats the sender address and the subject', () => {
    const m = { ...base, inReplyTo: '<req@example.test>', fromAddress: 'noc@alpha.example', subject: 'Re: AS64502' };
    expect(chooseAssociation(m, lookups)).toEqual({ peerAsn: 65002, association: 'thread' });
  });

  it('the sender address beats an ASN in the subject', () => {
    expect(chooseAssociation({ ...base, fromAddress: 'NOC@alpha.example', subject: 'AS64502 peering' }, lookups)).toEqual({ peerAsn: 64501, association: 'address' });
  });

  it('an ASN in the subject counts only when it is a network in PeeringDB', () => {
    expect(chooseAssociation({ ...base, subject: 'Peering with AS 64502?' }, lookups)).toEqual({ peerAsn: 64502, association: 'subject' });
    expect(chooseAssociation({ ...base, subject: 'AS99999 says hi' }, lookups)).toBeNull();
  });

  it('for what we sent, the recipients tell the peer', () => {
    expect(chooseAssociation({ ...base, mailbox: 'sent', fromAddress: 'peering@example.test', toAddresses: ['noc@alpha.example'] }, lookups)).toEqual({ peerAsn: 64501, association: 'address' });
  });

  it('finds ASNs written in several ways', () => {
    expect(subjectAsns('AS64500, as 64501 and AS-64502; ASX1')).toEqual([64500, 64501, 64502]);
  });
});
