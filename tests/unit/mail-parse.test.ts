import { describe, expect, it } from 'vitest';
import { displayName, firstAddress, parseEmail } from '@/lib/mail/parse';
import { threadId } from '@/lib/mail/threads';

const CRLF = (s: string) => Buffer.from(s.replace(/\r?\n/g, '\r\n'));

describe('reading raw messages', () => {
  it('reads malformed MIME without throwing: a header without colon, a missing closing boundary, broken base64', async () => {
    const m = await parseEmail(
      CRLF(`From: "Bad" <bad@evil.test>\nTo: peering@example.test\nSubject: broken\nThis line has no colon\nMessage-ID: <m1@evil.test>\nContent-Type: multipart/mixed; boundary="XX"\n\n--XX\nContent-Type: text/plain; charset=x-does-not-exist\n\nhello\n--XX\nContent-Type: application/octet-stream; name=a.bin\nContent-Transfer-Encoding: base64\n\n!!!notbase64@@@==\n`),
    );
    expect(m).toMatchObject({ subject: 'broken', fromAddress: 'bad@evil.test', messageId: '<m1@evil.test>', parseError: null });
    expect(m.textBody).toContain('hello');
  });

  it('reads raw Latin-1 header bytes and encoded words in other charsets', async () => {
    const m = await parseEmail(
      Buffer.concat([Buffer.from('From: =?koi8-r?B?8NLJ18XU?= <ru@evil.test>\r\nTo: peering@example.test\r\nSubject: Caf'), Buffer.from([0xe9]), Buffer.from(' =?iso-8859-1?Q?na=EFve?=\r\nMessage-ID: <n1@evil.test>\r\n\r\nbody\r\n')]),
    );
    expect(m).toMatchObject({ subject: 'Café naïve', fromName: 'Привет', fromAddress: 'ru@evil.test' });
  });

  it('lists attachments with name, type and size, and threads a reply under its root', async () => {
    const m = await parseEmail(
      CRLF(`From: noc@peer.test\nTo: peering@example.test\nSubject: Re: Peering\nMessage-ID: <r2@peer.test>\nIn-Reply-To: <r1@example.test>\nReferences: <r0@example.test> <r1@example.test>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\nsee attached\n--B\nContent-Type: application/pdf; name="loa.pdf"\nContent-Disposition: attachment; filename="loa.pdf"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--B--\n`),
    );
    expect(m.attachments).toEqual([{ filename: 'loa.pdf', contentType: 'application/pdf', size: 9, contentId: null }]);
    expect(m).toMatchObject({ inReplyTo: '<r1@example.test>', references: ['<r0@example.test>', '<r1@example.test>'], threadId: '<r0@example.test>' });
  });

  it('names a thread by its root Message-ID', () => {
    expect(threadId({ messageId: '<c>', inReplyTo: '<b>', references: ['<a>', '<b>'] })).toBe('<a>');
    expect(threadId({ messageId: '<c>', inReplyTo: '<b>', references: [] })).toBe('<b>');
    expect(threadId({ messageId: '<c>', inReplyTo: null, references: [] })).toBe('<c>');
  });
});

describe('reading a raw From header', () => {
  it('the display name is what comes before the address, without quotes', () => {
    expect(displayName('"Café Peering" <noc@peer.test>')).toBe('Café Peering');
    expect(displayName('Café <noc@peer.test>  ')).toBe('Café');
    expect(displayName('Café <a> b>')).toBe('Café <a> b>');
    expect(displayName('noc@peer.test')).toBe('noc@peer.test');
  });

  it('the first word shaped like an address is the sender', () => {
    expect(firstAddress('"Café" <NOC@Peer.test>')).toBe('noc@peer.test');
    expect(firstAddress('@ x@ @y mailto:a@b')).toBe('mailto:a@b');
    expect(firstAddress('no address here')).toBeNull();
  });
});
