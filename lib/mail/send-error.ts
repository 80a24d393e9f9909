// A leaf module: the command wrapper maps this error without loading nodemailer and imapflow.
/** SMTP refused or could not be reached: nothing went out. */
export class MailSendError extends Error {
  override name = 'MailSendError';
}
