import { simpleParser, type AddressObject } from 'mailparser';
import type { EmailAttachment } from '@/db/schema';
import { sanitizeEmailHtml } from './sanitize';
import { messageIdList, normalizeMessageId, threadId } from './threads';

const MAX_TEXT = 1_000_000;

export type ParsedEmail = {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string | null;
  fromName: string | null;
  toAddresses: string[];
  ccAddresses: string[];
  subject: string | null;
  date: Date | null;
  textBody: string | null;
  htmlSanitized: string | null;
  hasRemoteImages: boolean;
  attachments: EmailAttachment[];
  size: number;
  threadId: string | null;
  parseError: string | null;
};

function addresses(value: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const flat = list.flatMap((a) => a.value).flatMap((a) => (a.group ? a.group : [a]));
  return flat.filter((a) => a.address).map((a) => ({ address: a.address!.toLowerCase(), name: a.name ?? '' }));
}

function rawHeaderBlock(source: Buffer) {
  const end = source.indexOf('\r\n\r\n');
  const alt = source.indexOf('\n\n');
  const cut = end >= 0 ? end : alt >= 0 ? alt : Math.min(source.length, 64 * 1024);
  return source.subarray(0, cut);
}

/** Raw 8-bit header bytes (Latin-1 in the wild) that mailparser read as UTF-8 come back as U+FFFD: read them as Latin-1. */
function latin1Header(source: Buffer, name: string): string | null {
  const text = rawHeaderBlock(source).toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  const line = text.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (!line) return null;
  return decodeWords(line.slice(name.length + 1).trim());
}

/** RFC 2047 encoded words (=?charset?B|Q?...?=), with any charset the runtime knows; unknown ones stay as written. */
function decodeWords(text: string): string {
  return text
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g, (word, charset: string, encoding: string, data: string) => {
      try {
        const bytes =
          encoding.toUpperCase() === 'B'
            ? Buffer.from(data, 'base64')
            : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
        return new TextDecoder(charset.toLowerCase()).decode(bytes);
      } catch {
        return word;
      }
    });
}

// A From header can be as long as the sender likes: these two read it in one pass, where patterns
// like /\s*<[^>]*>\s*$/ and /[^\s<>"]+@[^\s<>"]+/ rescanned a long run from every position.

/** `"Name" <a@b>` -> `Name`: the header without its trailing `<address>` and quotes. */
export function displayName(header: string | null): string | null {
  if (header === null) return null;
  let name = header.trimEnd();
  const open = name.lastIndexOf('<');
  if (name.endsWith('>') && open >= 0 && name.indexOf('>', open) === name.length - 1) name = name.slice(0, open).trimEnd();
  return name.replace(/^"/, '').replace(/"$/, '');
}

/** The first word that looks like an address (something@something), lower-cased. */
export function firstAddress(header: string | null): string | null {
  const word = header?.split(/[\s<>"]+/).find((w) => /.@./.test(w));
  return word?.toLowerCase() ?? null;
}

const clip = (text: string | null | undefined) => (text ? (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n[… cut at 1,000,000 characters]` : text) : null);

/**
 * One raw message to what the mailbox stores. Never throws: a message mailparser cannot read is kept
 * with what its headers say and parseError set, so one bad message cannot stop a sync.
 */
export async function parseEmail(source: Buffer): Promise<ParsedEmail> {
  try {
    const p = await simpleParser(source, { skipTextToHtml: true, skipImageLinks: true });
    const references = messageIdList(p.references);
    const inReplyTo = messageIdList(p.inReplyTo)[0] ?? null;
    const messageId = normalizeMessageId(p.messageId);
    const from = addresses(p.from)[0];
    let subject = p.subject ?? null;
    if (subject?.includes('\uFFFD')) subject = latin1Header(source, 'subject') ?? subject;
    let fromName = from?.name || null;
    if (fromName?.includes('\uFFFD')) fromName = displayName(latin1Header(source, 'from')) ?? fromName;
    const html = typeof p.html === 'string' && p.html ? sanitizeEmailHtml(p.html) : null;
    const date = p.date && !Number.isNaN(p.date.getTime()) ? p.date : null;
    return {
      messageId,
      inReplyTo,
      references,
      fromAddress: from?.address ?? null,
      fromName,
      toAddresses: addresses(p.to).map((a) => a.address),
      ccAddresses: addresses(p.cc).map((a) => a.address),
      subject,
      date,
      textBody: clip(p.text),
      htmlSanitized: html?.html ?? null,
      hasRemoteImages: html?.hasRemoteImages ?? false,
      attachments: p.attachments.map((a) =>
        ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size, contentId: a.contentId ?? null })),
      size: source.length,
      threadId: threadId({ messageId, inReplyTo, references }),
      parseError: null,
    };
  } catch (err) {
    const messageId = normalizeMessageId(latin1Header(source, 'message-id'));
    return {
      messageId,
      inReplyTo: null,
      references: [],
      fromAddress: firstAddress(latin1Header(source, 'from')),
      fromName: null,
      toAddresses: [],
      ccAddresses: [],
      subject: latin1Header(source, 'subject'),
      date: null,
      textBody: `This message could not be read: ${err instanceof Error ? err.message : String(err)}`,
      htmlSanitized: null,
      hasRemoteImages: false,
      attachments: [],
      size: source.length,
      threadId: messageId,
      parseError: err instanceof Error ? err.message : String(err),
    };
  }
}
