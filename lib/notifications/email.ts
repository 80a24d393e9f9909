import { z } from 'zod';
import { describeMailError, smtpTransport } from '@/lib/mail/accounts';
import { mailConfig } from '@/lib/mail/settings';
import { composeMail } from '@/lib/mail/send';
import { NOTIFICATION_EMAIL } from '@/lib/jobs/labels';
import type { JobContext, JobKind } from '@/lib/jobs/types';
import { notificationEventLabels, notificationEvents } from './events';

const payload = z.object({ to: z.string().email(), event: z.enum(notificationEvents), text: z.string(), at: z.string() });

/** A notification to one user: SMTP only, no copy in the peering mailbox's Sent (it is not peering correspondence). */
async function sendNotification(ctx: JobContext<z.output<typeof payload>>) {
  const config = await mailConfig();
  if (!config.smtp || !config.from.address) throw new Error('No SMTP account or sender address is set: notification e-mails cannot go out');
  const { to, event, text, at } = ctx.payload;
  const subject = `[Peerdesk] ${notificationEventLabels[event]}`;
  const body = `${text}\n\n${at}\n\nYou receive this because you chose "${notificationEventLabels[event]}" under Account › Notifications.`;
  const { raw } = await composeMail(config, { to: [to], cc: [], subject, text: body });
  const transport = smtpTransport(config.smtp);
  try {
    await transport.sendMail({ envelope: { from: config.from.address, to: [to] }, raw });
  } catch (err) {
    throw new Error(`SMTP ${config.smtp.host}:${config.smtp.port}: ${describeMailError(err)}`);
  } finally {
    transport.close();
  }
  return { to, event };
}

export const notificationEmailKind: JobKind<z.output<typeof payload>> = { ...NOTIFICATION_EMAIL, payload, run: sendNotification };
