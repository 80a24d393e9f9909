import { z } from 'zod';
import type { EmailListRow, getEmail } from '@/db/queries/emails';

export const associateBody = z.object({ peerAsn: z.union([z.number(), z.string().max(20), z.null()], { message: 'An ASN, or null to untie' }) });

const peerOf = (asn: number | null, name: string | null) => (asn === null ? null : { asn, name });

export function emailSummary(r: EmailListRow) {
  return {
    id: r.id,
    mailbox: r.mailbox,
    date: r.date,
    from: { address: r.fromAddress, name: r.fromName },
    to: r.toAddresses,
    subject: r.subject,
    seen: r.seen,
    size: r.size,
    threadId: r.threadId,
    threadCount: r.threadCount,
    peer: peerOf(r.peerAsn, r.peerName),
    association: r.association,
    hasAttachments: r.hasAttachments,
  };
}

export function emailDetail(e: NonNullable<Awaited<ReturnType<typeof getEmail>>>) {
  return {
    id: e.id,
    mailbox: e.mailbox,
    uidValidity: e.uidValidity,
    uid: e.uid,
    messageId: e.messageId,
    inReplyTo: e.inReplyTo,
    references: e.references,
    date: e.date,
    from: { address: e.fromAddress, name: e.fromName },
    to: e.toAddresses,
    cc: e.ccAddresses,
    subject: e.subject,
    text: e.textBody,
    html: e.htmlSanitized,
    hasRemoteImages: e.hasRemoteImages,
    attachments: e.attachments,
    seen: e.seen,
    size: e.size,
    threadId: e.threadId,
    peer: peerOf(e.peerAsn, e.peerName),
    association: e.association,
  };
}
