import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describeMailError, imapClient, smtpTransport } from './accounts';
import { MailSendError } from './send-error';
import type { MailConfig } from './settings';

/** inReplyTo / references put a follow-up in the thread of the message it answers. */
export type OutgoingMail = { to: string[]; cc: string[]; subject: string; text: string; inReplyTo?: string; references?: string[] };
export type SentMail = {
  messageId: string;
  raw: Buffer;
  date: Date;
  /** Where the copy in Sent is, when the server said (APPENDUID). */
  sentCopy: { uidValidity: number; uid: number } | null;
  /** The mail went out but the copy could not be filed. */
  sentCopyError: string | null;
};

export { MailSendError } from './send-error';

/** Built once: these exact bytes go over SMTP and into the Sent folder. */
export async function composeMail(config: MailConfig, mail: OutgoingMail) {
  const domain = config.from.address.split('@')[1] || 'peerdesk.invalid';
  const messageId = `<peerdesk.${randomUUID()}@${domain}>`;
  const date = new Date();
  const raw = await new MailComposer({
    from: config.from.name ? { name: config.from.name, address: config.from.address } : config.from.address,
    to: mail.to,
    cc: mail.cc.length ? mail.cc : undefined,
    subject: mail.subject,
    text: mail.text,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    messageId,
    date,
  })
    .compile()
    .build();
  return { raw, messageId, date };
}

/**
 * Sends over SMTP, then appends the same bytes to the Sent folder with \Seen. A send failure
 * throws MailSendError with the server's reason; a failed copy is reported, not thrown (the mail is out).
 */
export async function sendMail(config: MailConfig, mail: OutgoingMail): Promise<SentMail> {
  if (!config.smtp) throw new MailSendError('No SMTP account is set: fill it in under Emails › Settings');
  if (!config.from.address) throw new MailSendError('No sender address is set: fill it in under Emails › Settings');
  const { raw, messageId, date } = await composeMail(config, mail);
  const transport = smtpTransport(config.smtp);
  try {
    await transport.sendMail({ envelope: { from: config.from.address, to: [...mail.to, ...mail.cc] }, raw });
  } catch (err) {
    throw new MailSendError(`SMTP ${config.smtp.host}:${config.smtp.port}: ${describeMailError(err)}`);
  } finally {
    transport.close();
  }
  if (!config.imap) return { messageId, raw, date, sentCopy: null, sentCopyError: 'No IMAP account is set, so no copy was filed in Sent' };
  const client = imapClient(config.imap);
  client.on('error', () => undefined);
  try {
    await client.connect();
    const appended = await client.append(config.sentFolder, raw, ['\\Seen'], date);
    const sentCopy = appended && appended.uid && appended.uidValidity !== undefined
      ? { uidValidity: Number(appended.uidValidity), uid: appended.uid }
      : null;
    return { messageId, raw, date, sentCopy, sentCopyError: null };
  } catch (err) {
    return { messageId, raw, date, sentCopy: null, sentCopyError: `The copy in ${config.sentFolder} failed: ${describeMailError(err)}` };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
